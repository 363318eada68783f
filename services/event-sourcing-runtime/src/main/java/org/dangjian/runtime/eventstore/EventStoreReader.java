package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Reads events by key only ({@code _id} and {@code _id $in}), so that reading one aggregate costs the same with a
 * thousand or a million events in the store.
 */
public final class EventStoreReader {

    private static final int FIRST_BATCH = 32;
    private static final int MAX_BATCH = 512;

    private final MongoCollection<Document> events;
    private final EventPayloadCodec codec;

    public EventStoreReader(MongoDatabase database, EventPayloadCodec codec) {
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.codec = codec;
    }

    /** The aggregate's events from {@code fromSequence} on, in order, up to the first missing sequence. */
    public List<StoredEvent> readStream(String aggregateId, long fromSequence) {
        List<StoredEvent> stream = new ArrayList<>();
        long next = fromSequence;
        int batch = FIRST_BATCH;
        while (true) {
            List<StoredEvent> found = readRange(aggregateId, next, next + batch - 1);
            for (StoredEvent event : found) {
                if (event.sequence() != next) {
                    return stream; // a missing sequence ends the stream; ChainVerifier reports such gaps
                }
                stream.add(event);
                next++;
            }
            if (found.size() < batch) {
                return stream;
            }
            batch = Math.min(batch * 4, MAX_BATCH);
        }
    }

    /** The aggregate's events with sequences in {@code [from, to]} that exist, in order. */
    public List<StoredEvent> readRange(String aggregateId, long from, long to) {
        List<String> ids = new ArrayList<>((int) (to - from + 1));
        for (long sequence = from; sequence <= to; sequence++) {
            ids.add(EventDocuments.documentId(aggregateId, sequence));
        }
        return readByDocumentIds(ids);
    }

    public Optional<StoredEvent> read(String aggregateId, long sequence) {
        Document doc = events.find(eq("_id", EventDocuments.documentId(aggregateId, sequence))).first();
        return Optional.ofNullable(doc).map(d -> EventDocuments.fromDocument(d, codec));
    }

    /** The events with these store keys that exist, ordered by aggregate and sequence. */
    public List<StoredEvent> readByDocumentIds(Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        List<StoredEvent> found = new ArrayList<>(documentIds.size());
        for (Document doc : events.find(in("_id", documentIds))) {
            found.add(EventDocuments.fromDocument(doc, codec));
        }
        found.sort(Comparator.comparing(StoredEvent::aggregateId).thenComparingLong(StoredEvent::sequence));
        return found;
    }
}
