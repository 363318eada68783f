package org.dangjian.runtime.eventstore;

/**
 * The result of walking one aggregate's hash chain.
 *
 * @param aggregateId      the aggregate
 * @param eventsChecked    how many events were read
 * @param intact           whether every event matched
 * @param brokenAtSequence the first event that does not match, if any
 * @param brokenEventId    that event's id
 * @param problem          {@code SEQUENCE_GAP}, {@code PREVIOUS_HASH_MISMATCH} or {@code HASH_MISMATCH}
 * @param lastHash         the hash of the last intact event (the chain's head when intact)
 */
public record ChainVerification(
        String aggregateId,
        long eventsChecked,
        boolean intact,
        Long brokenAtSequence,
        String brokenEventId,
        String problem,
        String lastHash) {
}
