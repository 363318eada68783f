package org.dangjian.runtime.eventstore;

import java.util.Date;

import org.bson.Document;
import org.dangjian.runtime.metadata.Actor;

/**
 * The layout of an event document in the {@code events} collection.
 *
 * <p>{@code _id} is {@code <aggregateId>:<sequence as 10 digits>}, so an aggregate's stream is read by {@code _id}
 * alone (batches of {@code _id $in}), never by a range or sort: on {@code mongo-java-server} anything but {@code _id}
 * or a unique key scans the whole collection, and on MongoDB the primary key is the cheapest lookup too. The unique
 * {@code _id} is also the optimistic lock: two writers of the same sequence cannot both succeed.
 *
 * <p>{@code data} is the event's JSON body as a string: the exact text that was hashed and is published.
 * {@code commit} is present only on the events of a command that wrote several, until their commit is settled
 * ({@link Commits}).
 */
public final class EventDocuments {

    public static final String COLLECTION = "events";

    public static final String AGGREGATE_ID = "aggregateId";
    static final String AGGREGATE_TYPE = "aggregateType";
    public static final String SEQUENCE = "sequence";
    public static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String DATA = "data";
    static final String OCCURRED_AT = "occurredAt";
    static final String RECORDED_AT = "recordedAt";
    static final String ACTOR = "actor";
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String PREV_HASH = "prevHash";
    static final String HASH = "hash";
    static final String COMMIT = "commit";
    public static final String PUBLISHED = "published";

    private EventDocuments() {
    }

    public static String documentId(String aggregateId, long sequence) {
        return aggregateId + ":" + String.format("%010d", sequence);
    }

    public static Document toDocument(StoredEvent event, String commitId) {
        Document actor = new Document("id", event.actor().id()).append("role", event.actor().role());
        if (event.actor().organisation() != null) {
            actor.append("organisation", event.actor().organisation());
        }
        Document doc = new Document("_id", event.documentId())
                .append(AGGREGATE_ID, event.aggregateId())
                .append(AGGREGATE_TYPE, event.aggregateType())
                .append(SEQUENCE, event.sequence())
                .append(EVENT_ID, event.eventId())
                .append(TYPE, event.type())
                .append(DATA, event.data())
                .append(OCCURRED_AT, Date.from(event.occurredAt()))
                .append(RECORDED_AT, Date.from(event.recordedAt()))
                .append(ACTOR, actor)
                .append(PREV_HASH, event.prevHash())
                .append(HASH, event.hash())
                .append(PUBLISHED, event.published());
        if (event.correlationId() != null) {
            doc.append(CORRELATION_ID, event.correlationId());
        }
        if (event.causationId() != null) {
            doc.append(CAUSATION_ID, event.causationId());
        }
        if (event.idempotencyKey() != null) {
            doc.append(IDEMPOTENCY_KEY, event.idempotencyKey());
        }
        if (commitId != null) {
            doc.append(COMMIT, commitId);
        }
        return doc;
    }

    static StoredEvent fromDocument(Document doc) {
        Document actor = doc.get(ACTOR, Document.class);
        Object data = doc.get(DATA);
        return new StoredEvent(
                doc.getString(EVENT_ID),
                doc.getString(AGGREGATE_ID),
                doc.getString(AGGREGATE_TYPE),
                ((Number) doc.get(SEQUENCE)).longValue(),
                doc.getString(TYPE),
                data instanceof String text ? text : String.valueOf(data), // a tampered document still verifies as changed
                doc.getDate(OCCURRED_AT).toInstant(),
                doc.getDate(RECORDED_AT).toInstant(),
                new Actor(actor.getString("id"), actor.getString("role"), actor.getString("organisation")),
                doc.getString(CORRELATION_ID),
                doc.getString(CAUSATION_ID),
                doc.getString(IDEMPOTENCY_KEY),
                doc.getString(PREV_HASH),
                doc.getString(HASH),
                Boolean.TRUE.equals(doc.getBoolean(PUBLISHED)));
    }
}
