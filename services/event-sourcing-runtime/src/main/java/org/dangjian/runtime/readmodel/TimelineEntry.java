package org.dangjian.runtime.readmodel;

import java.time.Instant;
import java.util.Map;

/**
 * One event in an aggregate's timeline, with everything an auditor needs: who, when it happened and when it was
 * recorded, what caused it, and its place in the hash chain.
 */
public record TimelineEntry(
        long sequence,
        String eventId,
        String type,
        Instant occurredAt,
        Instant recordedAt,
        Map<String, String> actor,
        String correlationId,
        String causationId,
        String prevHash,
        String hash,
        Map<String, Object> data) {
}
