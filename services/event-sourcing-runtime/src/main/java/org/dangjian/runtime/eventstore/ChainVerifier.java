package org.dangjian.runtime.eventstore;

import java.util.List;

/**
 * Walks an aggregate's stream in the store and names the first event that does not match its hash chain: a changed
 * payload or metadata field ({@code HASH_MISMATCH}), a removed or reordered event ({@code SEQUENCE_GAP} or
 * {@code PREVIOUS_HASH_MISMATCH}).
 *
 * <p>What the store alone cannot show: removing the newest events of a stream (a shorter chain is still valid),
 * removing more than {@value #PROBE} events in a row from the middle, or rewriting a whole suffix with recomputed
 * hashes. The published chain (the topic keeps every event's hash) anchors those; the audit service compares them.
 */
public final class ChainVerifier {

    /** How far past the end of the stream it looks for events left beyond removed ones. */
    static final long PROBE = 4096;

    private final EventStoreReader reader;

    public ChainVerifier(EventStoreReader reader) {
        this.reader = reader;
    }

    /**
     * The chain of an aggregate that exists: {@code notFound}'s exception when the store holds no event of it (a
     * verification endpoint's 404), else {@link #verify}.
     */
    public ChainVerification verifyExisting(String aggregateId, java.util.function.Supplier<? extends RuntimeException> notFound) {
        ChainVerification verification = verify(aggregateId);
        if (verification.eventsChecked() == 0) {
            throw notFound.get();
        }
        return verification;
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
            if (!hashMatches(event)) {
                return broken(aggregateId, checked, event, "HASH_MISMATCH", previousHash);
            }
            previousHash = event.hash();
            expectedSequence++;
        }
        // the stream ends at the first missing sequence: events stored beyond it mean some were removed
        for (long from = expectedSequence + 1; from <= expectedSequence + PROBE; from += 256) {
            List<StoredEvent> beyond = reader.readRange(aggregateId, from, from + 255);
            if (!beyond.isEmpty()) {
                return broken(aggregateId, checked + 1, beyond.get(0), "SEQUENCE_GAP", previousHash);
            }
        }
        return new ChainVerification(aggregateId, checked, true, null, null, null, previousHash);
    }

    /** A body that no longer parses (it was edited by hand) cannot match its hash either. */
    private static boolean hashMatches(StoredEvent event) {
        try {
            return event.canonical().hash().equals(event.hash());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ChainVerification broken(String aggregateId, long checked, StoredEvent event, String problem, String lastGoodHash) {
        return new ChainVerification(aggregateId, checked, false, event.sequence(), event.eventId(), problem, lastGoodHash);
    }
}
