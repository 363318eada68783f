package org.dangjian.audit.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.EventTypes;
import org.dangjian.runtime.eventstore.CanonicalEvent;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.metadata.Actor;

/**
 * Other services' streams as the audit service's tests publish them: each aggregate's chain kept here, so that an event
 * can carry its own times, actor and causation, and so that a test can publish what a tampered service would (an event
 * altered, dropped, forked).
 */
final class Streams {

    private final ForeignEvents topic;
    private final String aggregateType;
    private final Map<String, StoredEvent> heads = new HashMap<>();
    private final EventPayloadCodec payloads = new EventPayloadCodec();

    Streams(ForeignEvents topic, String aggregateType) {
        this.topic = topic;
        this.aggregateType = aggregateType;
    }

    /** The aggregate's next event, now, by a named user. */
    StoredEvent publish(String aggregateId, Object payload, Actor actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return publish(aggregateId, payload, actor, now, now, null);
    }

    /** The aggregate's next event with its business time, recording time and cause. */
    StoredEvent publish(String aggregateId, Object payload, Actor actor, Instant occurredAt, Instant recordedAt, String causationId) {
        StoredEvent event = next(aggregateId, payload, actor, occurredAt, recordedAt, causationId);
        heads.put(aggregateId, event);
        return topic.republish(event);
    }

    /** The aggregate's next event, now, caused by another event and sharing its request's correlation id (a reaction). */
    StoredEvent publishCaused(String aggregateId, Object payload, Actor actor, StoredEvent cause) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredEvent event = next(aggregateId, payload, actor, now, now, cause.eventId(), cause.correlationId());
        heads.put(aggregateId, event);
        return topic.republish(event);
    }

    /** The aggregate's next event as it would be, not published (to publish it later, or never). */
    StoredEvent next(String aggregateId, Object payload, Actor actor, Instant occurredAt, Instant recordedAt, String causationId) {
        return next(aggregateId, payload, actor, occurredAt, recordedAt, causationId, null);
    }

    private StoredEvent next(String aggregateId, Object payload, Actor actor, Instant occurredAt, Instant recordedAt, String causationId,
                             String correlationId) {
        StoredEvent previous = heads.get(aggregateId);
        long sequence = previous == null ? 0 : previous.sequence() + 1;
        String prevHash = previous == null ? CanonicalEvent.GENESIS : previous.hash();
        String eventId = UUID.randomUUID().toString();
        String correlation = correlationId == null ? eventId : correlationId;
        String type = EventTypes.of(payload.getClass());
        String data = payloads.toJson(payload);
        CanonicalEvent canonical = new CanonicalEvent(eventId, type, aggregateId, aggregateType, sequence, occurredAt, recordedAt, actor, correlation,
                causationId, data, prevHash);
        return new StoredEvent(eventId, aggregateId, aggregateType, sequence, type, data, occurredAt, recordedAt, actor, correlation, causationId,
                null, prevHash, canonical.hash(), true);
    }

    /** Counts an event as the head without publishing it (a dropped event). */
    void skip(StoredEvent event) {
        heads.put(event.aggregateId(), event);
    }

    /** Publishes an event exactly as given. */
    StoredEvent send(StoredEvent event) {
        return topic.republish(event);
    }

    /** The same event with another body, its hash recomputed (altered, then published again). */
    static StoredEvent altered(StoredEvent event, String data) {
        CanonicalEvent canonical = new CanonicalEvent(event.eventId(), event.type(), event.aggregateId(), event.aggregateType(), event.sequence(),
                event.occurredAt(), event.recordedAt(), event.actor(), event.correlationId(), event.causationId(), data, event.prevHash());
        return new StoredEvent(event.eventId(), event.aggregateId(), event.aggregateType(), event.sequence(), event.type(), data,
                event.occurredAt(), event.recordedAt(), event.actor(), event.correlationId(), event.causationId(), null, event.prevHash(),
                canonical.hash(), true);
    }

    /** The same event with another body and its old hash (tampered without recomputing). */
    static StoredEvent alteredKeepingHash(StoredEvent event, String data) {
        return new StoredEvent(event.eventId(), event.aggregateId(), event.aggregateType(), event.sequence(), event.type(), data,
                event.occurredAt(), event.recordedAt(), event.actor(), event.correlationId(), event.causationId(), null, event.prevHash(),
                event.hash(), true);
    }
}
