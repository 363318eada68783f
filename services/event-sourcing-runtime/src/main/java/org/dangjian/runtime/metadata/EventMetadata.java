package org.dangjian.runtime.metadata;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata keys every command and event carries (Axon {@code MetaData}), and how they read back.
 *
 * <ul>
 *   <li>{@code actorId}, {@code actorRole}, {@code actorOrg}: the {@link Actor} (required: a command without one is
 *       refused);</li>
 *   <li>{@code correlationId}: the request that started it all (kept across services);</li>
 *   <li>{@code causationId}: the message that directly caused this one: for an event, the command's id, or, for a
 *       command a reaction sent, the other service's event that caused it;</li>
 *   <li>{@code occurredAt}: business time, when it happened in the world (ISO-8601), beside the store's recorded
 *       time;</li>
 *   <li>{@code idempotencyKey}: the client's {@code Idempotency-Key} (or the key a reaction derived from its
 *       event), stored with the events it produced.</li>
 * </ul>
 */
public final class EventMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_ORG = "actorOrg";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private EventMetadata() {
    }

    /** The actor the metadata names, if it names one completely. */
    public static Optional<Actor> actor(Map<String, ?> metadata) {
        Object id = metadata.get(ACTOR_ID);
        Object role = metadata.get(ACTOR_ROLE);
        if (id == null || role == null || id.toString().isBlank() || role.toString().isBlank()) {
            return Optional.empty();
        }
        Object org = metadata.get(ACTOR_ORG);
        return Optional.of(new Actor(id.toString(), role.toString(), org == null ? null : org.toString()));
    }

    /** The actor, or a refusal: nothing is recorded without knowing who did it. */
    public static Actor requireActor(Map<String, ?> metadata, String what) {
        return actor(metadata).orElseThrow(() -> new MissingActorException(what));
    }

    public static String string(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    public static Instant occurredAt(Map<String, ?> metadata, Instant fallback) {
        Object value = metadata.get(OCCURRED_AT);
        return value == null ? fallback : Instant.parse(value.toString());
    }

    /** A command or event without an actor: a programming error, refused before anything is stored. */
    public static final class MissingActorException extends IllegalStateException {

        public MissingActorException(String what) {
            super(what + " names no actor (actorId and actorRole); send commands through the CommandDispatcher or a Reaction");
        }
    }
}
