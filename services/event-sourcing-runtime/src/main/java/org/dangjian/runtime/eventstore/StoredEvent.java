package org.dangjian.runtime.eventstore;

import java.time.Instant;

import org.dangjian.runtime.metadata.Actor;

/**
 * One event as the store holds it: its place in its aggregate's stream, its metadata, its JSON body and its link in
 * the hash chain.
 *
 * @param eventId        the event's unique id (CloudEvents {@code id})
 * @param aggregateId    the aggregate it belongs to (CloudEvents {@code subject}, Kafka key)
 * @param aggregateType  e.g. {@code OrganisationUnit}
 * @param sequence       its position in the aggregate's stream, from 0
 * @param type           the versioned event type
 * @param data           the JSON body, the exact text that is hashed and published
 * @param occurredAt     business time
 * @param recordedAt     when the store appended it
 * @param actor          who did it
 * @param correlationId  the request that started it
 * @param causationId    the message that caused it
 * @param idempotencyKey the key of the command that produced it, if any
 * @param prevHash       the previous event's hash ({@link CanonicalEvent#GENESIS} for the first)
 * @param hash           this event's hash
 * @param published      whether the relay has published it
 */
public record StoredEvent(
        String eventId,
        String aggregateId,
        String aggregateType,
        long sequence,
        String type,
        String data,
        Instant occurredAt,
        Instant recordedAt,
        Actor actor,
        String correlationId,
        String causationId,
        String idempotencyKey,
        String prevHash,
        String hash,
        boolean published) {

    public CanonicalEvent canonical() {
        return new CanonicalEvent(eventId, type, aggregateId, aggregateType, sequence, occurredAt, recordedAt, actor, correlationId,
                causationId, data, prevHash);
    }

    /** The store's key of this event: aggregate id and zero-padded sequence. */
    public String documentId() {
        return EventDocuments.documentId(aggregateId, sequence);
    }
}
