package org.dangjian.runtime.publication;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.dangjian.runtime.eventstore.StoredEvent;

/**
 * The small collection of events waiting for publication, keyed like the events themselves.
 *
 * <p>A writer registers its events here <em>before</em> inserting them (the insert is the commit point; there are no
 * transactions), so a crash at any moment leaves either nothing stored, or a stored event that the relay will find
 * here. An entry whose event never appeared (the writer lost a race or died between the two writes) is dropped by
 * the relay once it is older than the abandon period. The collection only ever holds what is not yet published, so
 * reading it never scans the event store.
 */
public final class Outbox {

    public static final String COLLECTION = "outbox";

    private final MongoCollection<Document> entries;

    public Outbox(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
    }

    /**
     * Registers events about to be inserted, or already stored ones again (repairs: an event found unpublished, or
     * missing downstream). Upserts: an entry left by a failed writer of the same key is reused.
     */
    public void register(List<StoredEvent> events, Instant now) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (StoredEvent event : events) {
            entries.replaceOne(eq("_id", event.documentId()),
                    new Document("_id", event.documentId())
                            .append("aggregateId", event.aggregateId())
                            .append("sequence", event.sequence())
                            .append("registeredAt", Date.from(now)),
                    upsert);
        }
    }

    /** The oldest pending entries, in key order (so each aggregate's events come in sequence). */
    public List<Entry> pending(int limit) {
        return pending(limit, null);
    }

    /** The pending entries after the given key (null: from the start), in key order. */
    public List<Entry> pending(int limit, String after) {
        List<Entry> pending = new ArrayList<>();
        for (Document doc : entries.find(after == null ? new Document() : com.mongodb.client.model.Filters.gt("_id", after))
                .sort(Sorts.ascending("_id")).limit(limit)) {
            pending.add(new Entry(doc.getString("_id"), doc.getString("aggregateId"), ((Number) doc.get("sequence")).longValue(),
                    doc.getDate("registeredAt").toInstant()));
        }
        return pending;
    }

    public void remove(Collection<String> documentIds) {
        if (!documentIds.isEmpty()) {
            entries.deleteMany(in("_id", documentIds));
        }
    }

    /** Drops an entry only if no writer registered it again since it was read (the registration time is unchanged). */
    public boolean removeIfUnchanged(Entry entry) {
        return entries.deleteOne(com.mongodb.client.model.Filters.and(eq("_id", entry.documentId()),
                eq("registeredAt", java.util.Date.from(entry.registeredAt())))).getDeletedCount() == 1;
    }

    public long size() {
        return entries.countDocuments();
    }

    /** One event waiting for publication. */
    public record Entry(String documentId, String aggregateId, long sequence, Instant registeredAt) {
    }
}
