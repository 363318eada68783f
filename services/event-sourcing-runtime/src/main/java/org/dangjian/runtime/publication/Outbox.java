package org.dangjian.runtime.publication;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.dangjian.runtime.eventstore.StoredEvent;

/**
 * The small collection of events waiting for publication, one entry per event, keyed
 * {@code <aggregateId>:<sequence as 10 digits>|<eventId>} so that the entries sort in each aggregate's order and each
 * names the one event it is for.
 *
 * <p>A writer registers its events here <em>before</em> inserting them (the insert is the commit point; there are no
 * transactions), so a crash at any moment leaves either nothing stored, or a stored event that the relay will find
 * here. A writer whose insert fails removes its own entries (they name its event ids, which nobody else has), so a
 * refused command publishes nothing; an entry whose sequence holds another writer's event is dropped by the relay at
 * once, and one whose event never appeared once the relay has seen it missing for the abandon period. The collection
 * only ever holds what is not yet published, so reading it never scans the event store.
 */
public final class Outbox {

    public static final String COLLECTION = "outbox";

    private final MongoCollection<Document> entries;

    public Outbox(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
    }

    /** The entry's key: the event's store key, then its id. */
    public static String key(StoredEvent event) {
        return key(event.documentId(), event.eventId());
    }

    /** The same key from the event's store key and id. */
    public static String key(String documentId, String eventId) {
        return documentId + "|" + eventId;
    }

    /**
     * Registers events about to be inserted, or already stored ones again (repairs: an event found unpublished, or
     * missing downstream), in one round trip. Upserts: registering the same event twice keeps one entry.
     */
    public void register(List<StoredEvent> events, Instant now) {
        registerEntries(events.stream().map(e -> new Entry(key(e), e.documentId(), e.eventId(), e.aggregateId(), e.sequence(), now)).toList());
    }

    /** Registers entries built from what the relay's scan for unpublished events projected (no payloads). */
    public void registerEntries(List<Entry> pending) {
        if (pending.isEmpty()) {
            return;
        }
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
        for (Entry entry : pending) {
            writes.add(new ReplaceOneModel<>(eq("_id", entry.key()), new Document("_id", entry.key())
                    .append("documentId", entry.documentId())
                    .append("eventId", entry.eventId())
                    .append("aggregateId", entry.aggregateId())
                    .append("sequence", entry.sequence())
                    .append("registeredAt", Date.from(entry.registeredAt())), upsert));
        }
        entries.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Removes the entries of events that were not stored after all (their insert failed). */
    public void unregister(List<StoredEvent> events) {
        remove(events.stream().map(Outbox::key).toList());
    }

    /** The oldest pending entries, in key order (so each aggregate's events come in sequence). */
    public List<Entry> pending(int limit) {
        return pending(limit, null);
    }

    /** The pending entries after the given key (null: from the start), in key order. */
    public List<Entry> pending(int limit, String after) {
        List<Entry> pending = new ArrayList<>();
        for (Document doc : entries.find(after == null ? new Document() : gt("_id", after)).sort(Sorts.ascending("_id")).limit(limit)) {
            pending.add(new Entry(doc.getString("_id"), doc.getString("documentId"), doc.getString("eventId"),
                    doc.getString("aggregateId"), ((Number) doc.get("sequence")).longValue(), doc.getDate("registeredAt").toInstant()));
        }
        return pending;
    }

    public void remove(Collection<String> keys) {
        if (!keys.isEmpty()) {
            entries.deleteMany(in("_id", keys));
        }
    }

    /** How many events wait (from the collection's metadata: cheap enough for every health check and scrape). */
    public long size() {
        return entries.estimatedDocumentCount();
    }

    /** One event waiting for publication. */
    public record Entry(String key, String documentId, String eventId, String aggregateId, long sequence, Instant registeredAt) {
    }
}
