package org.dangjian.runtime.eventstore;

import java.util.List;

/**
 * Walks an aggregate's stream in the store and names the first event that does not match its hash chain: a changed
 * payload or metadata field ({@code HASH_MISMATCH}), a removed or reordered event ({@code SEQUENCE_GAP} or
 * {@code PREVIOUS_HASH_MISMATCH}).
 *
 * <p>Removing the newest events of a stream leaves a shorter, valid chain; that is caught by comparing with the
 * published chain (the topic keeps every event's hash), which the audit service does.
 */
public final class ChainVerifier {

    private final EventStoreReader reader;

    public ChainVerifier(EventStoreReader reader) {
        this.reader = reader;
    }

    public ChainVerification verify(String aggregateId) {
        List<StoredEvent> stream = reader.readStream(aggregateId, 0);
        String previousHash = CanonicalEvent.GENESIS;
        long expectedSequence = 0;
        long checked = 0;
        for (StoredEvent event : stream) {
            checked++;
            if (event.sequence() != expectedSequence) {
                return broken(aggregateId, checked, event, "SEQUENCE_GAP", previousHash);
            }
            if (!previousHash.equals(event.prevHash())) {
                return broken(aggregateId, checked, event, "PREVIOUS_HASH_MISMATCH", previousHash);
            }
            if (!event.canonical().hash().equals(event.hash())) {
                return broken(aggregateId, checked, event, "HASH_MISMATCH", previousHash);
            }
            previousHash = event.hash();
            expectedSequence++;
        }
        // the stream ends at the first missing sequence: events stored beyond it mean one was removed
        List<StoredEvent> beyond = reader.readRange(aggregateId, expectedSequence + 1, expectedSequence + 64);
        if (!beyond.isEmpty()) {
            return broken(aggregateId, checked + 1, beyond.get(0), "SEQUENCE_GAP", previousHash);
        }
        return new ChainVerification(aggregateId, checked, true, null, null, null, previousHash);
    }

    private static ChainVerification broken(String aggregateId, long checked, StoredEvent event, String problem, String lastGoodHash) {
        return new ChainVerification(aggregateId, checked, false, event.sequence(), event.eventId(), problem, lastGoodHash);
    }
}
