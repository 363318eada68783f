package org.dangjian.runtime.consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.mongo.KeyFilter;

/**
 * Aggregates a consumer has stopped at ("parked"), and the events of theirs that arrived since ("held"), so that one
 * event that keeps failing stops its aggregate only: the consumer goes on with every other aggregate, nothing is
 * skipped, and once the cause is fixed (or an operator says so) the held events are applied in order.
 *
 * <p>Collection {@code consumer_parked}: a header per parked aggregate, {@code _id = <consumer>|<service>|<aggregateId>},
 * and a document per held event, {@code _id = <that>|<sequence as 10 digits>}, read back by {@code _id $in} ranges
 * (held events are never one growing document). The collection holds only what is parked, so listing it is cheap.
 */
public final class ParkedAggregates {

    public static final String COLLECTION = "consumer_parked";
    private static final int PAGE = 256;

    /** Why an aggregate was parked. */
    public enum Reason {
        /** An event kept failing to apply. */
        FAILED,
        /** Events are missing from the topic and could not be found. */
        GAP,
        /** A newer version of a declared type, which this version of the service cannot read. */
        UNKNOWN_VERSION
    }

    /**
     * One parked aggregate.
     *
     * @param sequence  the event it stopped at (for a gap: the first missing one)
     * @param partition the partition its events arrive on (retries run where that partition is consumed)
     * @param heldFrom  the first held event's sequence
     * @param heldTo    the last held event's sequence
     * @param requested what an operator asked for and the consumer of its partition has not done yet: {@code retry},
     *                  {@code skip}, or {@code null}
     */
    public record Parked(String consumer, String service, String aggregateId, Reason reason, long sequence, String error, Instant since,
                         int attempts, Instant lastAttempt, String topic, int partition, long heldFrom, long heldTo, String requested) {

        public String key() {
            return ConsumerPositions.key(consumer, service, aggregateId);
        }
    }

    private final MongoCollection<Document> parked;
    /** What this instance's consumers have parked, for read-your-writes to answer at once. */
    private final Set<String> parkedHere = ConcurrentHashMap.newKeySet();

    public ParkedAggregates(MongoDatabase database) {
        this.parked = database.getCollection(COLLECTION);
        try {
            // (_id, heldTo) is unique because _id is; it lets mongo-java-server serve the release's compare-and-set by key
            parked.createIndex(com.mongodb.client.model.Indexes.ascending("_id", "heldTo"),
                    new com.mongodb.client.model.IndexOptions().unique(true).name("heldTo"));
        } catch (RuntimeException e) {
            // without it the release scans this small collection
        }
    }

    /** Parks (or parks again, counting the attempt) an aggregate at {@code sequence}. */
    Parked park(String consumer, String service, String aggregateId, Reason reason, long sequence, String error, String topic, int partition,
                Instant now) {
        String key = ConsumerPositions.key(consumer, service, aggregateId);
        Document header = parked.findOneAndUpdate(eq("_id", key), Updates.combine(
                Updates.set("kind", "header"), Updates.set("consumer", consumer), Updates.set("service", service),
                Updates.set("aggregateId", aggregateId), Updates.set("reason", reason.name()), Updates.set("sequence", sequence),
                Updates.set("error", error), Updates.set("lastAttempt", Date.from(now)), Updates.inc("attempts", 1),
                Updates.setOnInsert("since", Date.from(now)), Updates.set("topic", topic), Updates.set("partition", partition)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        parkedHere.add(key);
        return header(header);
    }

    /**
     * Records an operator's request ({@code retry} or {@code skip}) on a parked aggregate, for the consumer of its
     * partition to carry out (whichever instance that is); false when nothing is parked there.
     */
    boolean request(String key, String action) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (parked.updateOne(eq("_id", key), Updates.set("requested", action)).getMatchedCount() == 1) {
                return true;
            }
            // mongo-java-server can miss a document another thread is updating at that moment (the consumer holding a
            // later event updates the header): matched nothing although the header is there; MongoDB never does
            if (parked.find(eq("_id", key)).first() == null) {
                return false;
            }
        }
        return false;
    }

    /** Takes an operator's request off a parked aggregate: the consumer is about to carry it out. */
    void clearRequest(String key) {
        parked.updateOne(eq("_id", key), Updates.unset("requested"));
    }

    /** The aggregates of a consumer with an operator's request waiting (the collection is small: only what is parked). */
    List<Parked> requested(String consumer) {
        List<Parked> waiting = new ArrayList<>();
        for (Document doc : parked.find(and(eq("consumer", consumer), eq("kind", "header"), Filters.exists("requested")))) {
            waiting.add(header(doc));
        }
        return waiting;
    }

    /** Keeps an event of a parked aggregate for later; answers the header as it now stands. */
    Parked hold(String key, PublishedEvent event) {
        Document held = new Document("_id", heldId(key, event.sequence()))
                .append("kind", "held")
                .append("consumer", key.substring(0, key.indexOf('|')))
                .append("eventId", event.eventId()).append("source", event.source()).append("type", event.type())
                .append("aggregateId", event.aggregateId()).append("aggregateType", event.aggregateType())
                .append("sequence", event.sequence()).append("occurredAt", Date.from(event.occurredAt()))
                .append("recordedAt", Date.from(event.recordedAt()))
                .append("actor", new Document("id", event.actor().id()).append("role", event.actor().role())
                        .append("organisation", event.actor().organisation()))
                .append("correlationId", event.correlationId()).append("causationId", event.causationId())
                .append("prevHash", event.prevHash()).append("hash", event.hash()).append("data", event.data());
        parked.replaceOne(eq("_id", held.getString("_id")), held, new ReplaceOptions().upsert(true));
        return header(parked.findOneAndUpdate(eq("_id", key), Updates.combine(Updates.min("heldFrom", event.sequence()),
                Updates.max("heldTo", event.sequence())), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** The held events of a parked aggregate, in order. */
    List<PublishedEvent> held(Parked header) {
        List<PublishedEvent> events = new ArrayList<>();
        if (header.heldTo() < header.heldFrom()) {
            return events;
        }
        for (long start = header.heldFrom(); start <= header.heldTo(); start += PAGE) {
            List<String> ids = new ArrayList<>();
            for (long sequence = start; sequence <= Math.min(header.heldTo(), start + PAGE - 1); sequence++) {
                ids.add(heldId(header.key(), sequence));
            }
            List<Document> docs = new ArrayList<>();
            parked.find(in("_id", ids)).into(docs);
            docs.sort(java.util.Comparator.comparingLong(d -> ((Number) d.get("sequence")).longValue()));
            for (Document doc : docs) {
                Document actor = doc.get("actor", Document.class);
                events.add(new PublishedEvent(doc.getString("eventId"), doc.getString("source"), doc.getString("type"),
                        doc.getString("aggregateId"), doc.getString("aggregateType"), ((Number) doc.get("sequence")).longValue(),
                        doc.getDate("occurredAt").toInstant(), doc.getDate("recordedAt").toInstant(),
                        new Actor(actor.getString("id"), actor.getString("role"), actor.getString("organisation")),
                        doc.getString("correlationId"), doc.getString("causationId"), doc.getString("prevHash"), doc.getString("hash"),
                        doc.getString("data"), null));
            }
        }
        return events;
    }

    /**
     * Unparks an aggregate whose events up to {@code appliedUpTo} are handled: those held events first, then the
     * header, by a compare-and-set on its last held sequence. False (and still parked) when an event was held since
     * the header was read.
     */
    boolean release(Parked header, long appliedUpTo) {
        long upTo = Math.min(header.heldTo(), appliedUpTo);
        for (long start = header.heldFrom(); start <= upTo; start += PAGE) {
            List<String> ids = new ArrayList<>();
            for (long sequence = start; sequence <= Math.min(upTo, start + PAGE - 1); sequence++) {
                ids.add(heldId(header.key(), sequence));
            }
            parked.deleteMany(in("_id", ids));
        }
        boolean released = parked.deleteOne(KeyFilter.idAnd(header.key(), "heldTo", header.heldTo() < header.heldFrom() ? null
                : header.heldTo())).getDeletedCount() == 1;
        if (released) {
            parkedHere.remove(header.key());
        }
        return released;
    }

    public Optional<Parked> find(String key) {
        Document doc = parked.find(eq("_id", key)).first();
        return Optional.ofNullable(doc).map(ParkedAggregates::header);
    }

    /** Every aggregate the consumer has parked (the collection is small: it holds only what is parked). */
    public List<Parked> all(String consumer) {
        List<Parked> all = new ArrayList<>();
        for (Document doc : parked.find(and(eq("consumer", consumer), eq("kind", "header")))) {
            all.add(header(doc));
        }
        return all;
    }

    /** What this instance knows a consumer has parked, replaced wholesale (it may have resumed elsewhere meanwhile). */
    void knownParked(String consumer, java.util.Collection<String> keys) {
        parkedHere.removeIf(key -> key.startsWith(consumer + "|"));
        parkedHere.addAll(keys);
    }

    /** Forgets everything a consumer parked (before a rebuild: the topic is read again from the start). */
    void clear(String consumer) {
        parked.deleteMany(eq("consumer", consumer));
        parkedHere.removeIf(key -> key.startsWith(consumer + "|"));
    }

    /** Whether this instance's consumers have the aggregate parked (without asking the database). */
    public boolean parkedHere(String key) {
        return parkedHere.contains(key);
    }

    private static Parked header(Document doc) {
        Number heldFrom = (Number) doc.get("heldFrom");
        Number heldTo = (Number) doc.get("heldTo");
        Date lastAttempt = doc.getDate("lastAttempt");
        return new Parked(doc.getString("consumer"), doc.getString("service"), doc.getString("aggregateId"),
                Reason.valueOf(doc.getString("reason")), ((Number) doc.get("sequence")).longValue(), doc.getString("error"),
                doc.getDate("since").toInstant(), ((Number) doc.get("attempts")).intValue(),
                lastAttempt == null ? null : lastAttempt.toInstant(), doc.getString("topic"), ((Number) doc.get("partition")).intValue(),
                heldFrom == null ? 0 : heldFrom.longValue(), heldTo == null ? -1 : heldTo.longValue(), doc.getString("requested"));
    }

    private static String heldId(String key, long sequence) {
        return key + "|" + String.format("%010d", sequence);
    }
}
