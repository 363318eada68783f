package org.dangjian.runtime.messaging;

import java.time.Instant;

import org.dangjian.runtime.eventstore.CanonicalEvent;
import org.dangjian.runtime.metadata.Actor;

/**
 * An event as a consumer receives it from Kafka (a CloudEvent in binary mode), with its body decoded to the contract
 * record when the consumer declared the type.
 *
 * @param source  the CloudEvents {@code source}, {@code /dangjian/<service>}
 * @param payload the decoded record, or {@code null} when the consumer did not declare the type
 */
public record PublishedEvent(
        String eventId,
        String source,
        String type,
        String aggregateId,
        String aggregateType,
        long sequence,
        Instant occurredAt,
        Instant recordedAt,
        Actor actor,
        String correlationId,
        String causationId,
        String prevHash,
        String hash,
        String data,
        Object payload) {

    /** The hashed fields, to re-verify the chain from published events alone. */
    public CanonicalEvent canonical() {
        return new CanonicalEvent(eventId, type, aggregateId, aggregateType, sequence, occurredAt, recordedAt, actor, correlationId,
                causationId, data, prevHash);
    }

    /** The same event with its body decoded. */
    public PublishedEvent withPayload(Object decoded) {
        return new PublishedEvent(eventId, source, type, aggregateId, aggregateType, sequence, occurredAt, recordedAt, actor, correlationId,
                causationId, prevHash, hash, data, decoded);
    }
}
