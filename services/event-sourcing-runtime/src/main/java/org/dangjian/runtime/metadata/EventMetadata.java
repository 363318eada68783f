package org.dangjian.runtime.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * The metadata keys every command and event carries (Axon {@code MetaData}), and how they read back.
 *
 * <ul>
 *   <li>{@code actorId}, {@code actorRole}, {@code actorOrg}: the {@link Actor};</li>
 *   <li>{@code correlationId}: the request that started it all (kept across services);</li>
 *   <li>{@code causationId}: the message that directly caused this one (for an event: the command's id);</li>
 *   <li>{@code occurredAt}: business time, when it happened in the world (ISO-8601), beside the store's recorded
 *       time;</li>
 *   <li>{@code idempotencyKey}: the client's {@code Idempotency-Key}, stored with the events it produced.</li>
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

    public static Actor actor(Map<String, ?> metadata) {
        Object id = metadata.get(ACTOR_ID);
        Object role = metadata.get(ACTOR_ROLE);
        if (id == null || role == null) {
            return Actor.SYSTEM;
        }
        Object org = metadata.get(ACTOR_ORG);
        return new Actor(id.toString(), role.toString(), org == null ? null : org.toString());
    }

    public static String string(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    public static Instant occurredAt(Map<String, ?> metadata, Instant fallback) {
        Object value = metadata.get(OCCURRED_AT);
        return value == null ? fallback : Instant.parse(value.toString());
    }
}
