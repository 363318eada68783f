package org.dangjian.runtime.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.messaging.PublishedEvent;

/**
 * Aggregates' timelines, every service the same way: a document per event ({@code _id = <aggregateId>:<sequence as
 * 10 digits>}) and a small head per aggregate ({@code _id = <aggregateId>}, the last sequence) — never one growing
 * document per aggregate, so a long history (a member's points ledger) has no size limit. Writing an entry replaces it
 * by key and moves the head with {@code $max}: safe to repeat, and the entries of many events are one bulk write. Pages
 * are read by {@code _id $in}.
 */
public final class TimelineStore {

    /** The most entries one page returns. */
    public static final int MAX_PAGE = 500;

    private static final ReplaceOptions REPLACE_OR_INSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> timelines;

    public TimelineStore(MongoDatabase database, String collectionName) {
        this.timelines = database.getCollection(collectionName);
    }

    /** Records the event in its aggregate's timeline. */
    public void record(PublishedEvent event) {
        recordAll(List.of(event));
    }

    /** Records events in their aggregates' timelines: one bulk write of the entries and of each aggregate's head. */
    public void recordAll(List<PublishedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(events.size() + 1);
        Map<String, Long> heads = new LinkedHashMap<>();
        for (PublishedEvent event : events) {
            Document entry = entry(event);
            writes.add(new ReplaceOneModel<>(eq("_id", entry.getString("_id")), entry, REPLACE_OR_INSERT));
            heads.merge(event.aggregateId(), event.sequence(), Math::max);
        }
        heads.forEach((aggregateId, last) -> writes.add(new UpdateOneModel<>(eq("_id", aggregateId),
                Updates.combine(Updates.set("head", true), Updates.max("last", last)), UPSERT)));
        timelines.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Document entry(PublishedEvent event) {
        Document actor = new Document("id", event.actor().id()).append("role", event.actor().role());
        if (event.actor().organisation() != null) {
            actor.append("organisation", event.actor().organisation());
        }
        String id = EventDocuments.documentId(event.aggregateId(), event.sequence());
        return new Document("_id", id)
                .append("aggregateId", event.aggregateId())
                .append("sequence", event.sequence())
                .append("eventId", event.eventId())
                .append("type", event.type())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("recordedAt", Date.from(event.recordedAt()))
                .append("actor", actor)
                .append("correlationId", event.correlationId())
                .append("causationId", event.causationId())
                .append("prevHash", event.prevHash())
                .append("hash", event.hash())
                .append("data", Document.parse(event.data()));
    }

    /** One page of a timeline: entries with sequences from {@code from} on (at most {@code limit}), and where the next begins. */
    public record Page(List<TimelineEntry> entries, Long next, long last) {

        /**
         * The page as a timeline endpoint answers it: {@code {"<idField>": id, "entries": [...], "next"?}}, the entries
         * given (this page's, or the caller's view of them, such as masked ones), {@code next} absent on the last page.
         */
        public java.util.Map<String, Object> answer(String idField, String id, List<?> shown) {
            java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put(idField, id);
            answer.put("entries", shown);
            if (next != null) {
                answer.put("next", next);
            }
            return answer;
        }

        /** {@link #answer(String, String, List)} with this page's entries. */
        public java.util.Map<String, Object> answer(String idField, String id) {
            return answer(idField, id, entries);
        }
    }

    /** A page of the aggregate's timeline, oldest first; empty when the aggregate has none. */
    public Optional<Page> page(String aggregateId, long from, int limit) {
        Document head = timelines.find(eq("_id", aggregateId)).first();
        if (head == null) {
            return Optional.empty();
        }
        long last = ((Number) head.get("last")).longValue();
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        long to = Math.min(last, from + size - 1);
        List<String> ids = new ArrayList<>();
        for (long sequence = Math.max(0, from); sequence <= to; sequence++) {
            ids.add(EventDocuments.documentId(aggregateId, sequence));
        }
        List<Document> docs = new ArrayList<>();
        if (!ids.isEmpty()) {
            timelines.find(in("_id", ids)).into(docs);
        }
        docs.sort(Comparator.comparingLong(d -> ((Number) d.get("sequence")).longValue()));
        List<TimelineEntry> entries = docs.stream().map(TimelineStore::entry).toList();
        return Optional.of(new Page(entries, to < last ? to + 1 : null, last));
    }

    public void drop() {
        timelines.drop();
    }

    private static TimelineEntry entry(Document doc) {
        Map<String, String> actor = new LinkedHashMap<>();
        doc.get("actor", Document.class).forEach((k, v) -> actor.put(k, String.valueOf(v)));
        return new TimelineEntry(((Number) doc.get("sequence")).longValue(), doc.getString("eventId"), doc.getString("type"),
                doc.getDate("occurredAt").toInstant(), doc.getDate("recordedAt").toInstant(), actor, doc.getString("correlationId"),
                doc.getString("causationId"), doc.getString("prevHash"), doc.getString("hash"), new LinkedHashMap<>(doc.get("data", Document.class)));
    }

}
