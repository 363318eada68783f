package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Reads committed events by key only ({@code _id} and {@code _id $in}), so that reading one aggregate costs the same
 * with a thousand or a million events in the store. Events of a multi-event commit that is not committed (still
 * pending, or aborted) are not there for readers ({@link Commits}).
 */
public final class EventStoreReader {

    private static final int FIRST_BATCH = 32;
    private static final int MAX_BATCH = 512;

    private final MongoCollection<Document> events;
    private final Commits commits;

    public EventStoreReader(MongoDatabase database, Commits commits) {
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.commits = commits;
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

    /** The aggregate's events with sequences in {@code [from, to]} that exist, in order; at most 512 ids per read. */
    public List<StoredEvent> readRange(String aggregateId, long from, long to) {
        List<StoredEvent> found = new ArrayList<>();
        for (long start = from; start <= to; start += MAX_BATCH) {
            long end = Math.min(to, start + MAX_BATCH - 1);
            List<String> ids = new ArrayList<>((int) (end - start + 1));
            for (long sequence = start; sequence <= end; sequence++) {
                ids.add(EventDocuments.documentId(aggregateId, sequence));
            }
            found.addAll(readByDocumentIds(ids));
        }
        return found;
    }

    /**
     * The highest sequence stored for the aggregate (committed or not yet), or empty when it has no event: one read of
     * the key index ({@code <id>:<sequence>} keys sort by sequence).
     */
    public Optional<Long> lastStoredSequence(String aggregateId) {
        Document last = events.find(com.mongodb.client.model.Filters.and(
                        com.mongodb.client.model.Filters.gte("_id", EventDocuments.documentId(aggregateId, 0)),
                        com.mongodb.client.model.Filters.lt("_id", aggregateId + ";")))
                .sort(new Document("_id", -1)).projection(new Document(EventDocuments.SEQUENCE, 1)).limit(1).first();
        return last == null ? Optional.empty() : Optional.of(((Number) last.get(EventDocuments.SEQUENCE)).longValue());
    }

    /**
     * The highest sequence stored (committed or not yet) of each of these aggregates that has any event, in one pass
     * over the store's events of them ({@code aggregateId $in}), not one key seek per aggregate: mongo-java-server
     * answers a key range by scanning, so a thousand seeks were a thousand scans (the audit's heads of every stream ran
     * past its timeout); on MongoDB it is one scan per call, which the caller bounds ({@code /streams/heads}: 1,000
     * aggregates a call).
     */
    public java.util.Map<String, Long> lastStoredSequences(Collection<String> aggregateIds) {
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        if (aggregateIds.isEmpty()) {
            return last;
        }
        for (Document doc : events.find(in(EventDocuments.AGGREGATE_ID, aggregateIds))
                .projection(new Document(EventDocuments.AGGREGATE_ID, 1).append(EventDocuments.SEQUENCE, 1))) {
            last.merge(doc.getString(EventDocuments.AGGREGATE_ID), ((Number) doc.get(EventDocuments.SEQUENCE)).longValue(), Math::max);
        }
        return last;
    }

    public Optional<StoredEvent> read(String aggregateId, long sequence) {
        List<StoredEvent> found = readByDocumentIds(List.of(EventDocuments.documentId(aggregateId, sequence)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The committed events with these store keys, ordered by aggregate and sequence. */
    public List<StoredEvent> readByDocumentIds(Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        List<Document> docs = new ArrayList<>(documentIds.size());
        events.find(in("_id", documentIds)).into(docs);
        Set<String> marked = new HashSet<>();
        for (Document doc : docs) {
            String commit = doc.getString(EventDocuments.COMMIT);
            if (commit != null) {
                marked.add(commit);
            }
        }
        Map<String, Commits.State> states = marked.isEmpty() ? Map.of() : commits.states(marked);
        List<StoredEvent> found = new ArrayList<>(docs.size());
        List<String> again = new ArrayList<>();
        for (Document doc : docs) {
            String commit = doc.getString(EventDocuments.COMMIT);
            Commits.State state = commit == null ? Commits.State.COMMITTED : states.get(commit);
            if (state == Commits.State.COMMITTED) {
                found.add(EventDocuments.fromDocument(doc));
            } else if (state == Commits.State.UNKNOWN) {
                again.add(doc.getString("_id")); // settled since it was read (or a leftover of an aborted commit)
            }
        }
        if (!again.isEmpty()) {
            for (Document doc : events.find(in("_id", again))) {
                if (doc.getString(EventDocuments.COMMIT) == null) {
                    found.add(EventDocuments.fromDocument(doc));
                }
            }
        }
        found.sort(Comparator.comparing(StoredEvent::aggregateId).thenComparingLong(StoredEvent::sequence));
        return found;
    }
}
