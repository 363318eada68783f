package org.dangjian.runtime.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries the metadata of a command onto every event it produces (Axon applies correlation data providers to each
 * message created while handling another): the actor, correlation id, business time and idempotency key are copied.
 * The causation id of the events is the command's own causation id when it has one (a reaction's command names the
 * other service's event that caused it, so the stored events point at a stored event), else the command's id.
 */
public class PlatformCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> COPIED = List.of(
            EventMetadata.ACTOR_ID, EventMetadata.ACTOR_ROLE, EventMetadata.ACTOR_ORG,
            EventMetadata.CORRELATION_ID, EventMetadata.OCCURRED_AT, EventMetadata.IDEMPOTENCY_KEY);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        Object causation = message.getMetaData().get(EventMetadata.CAUSATION_ID);
        data.put(EventMetadata.CAUSATION_ID, causation != null ? causation : message.getIdentifier());
        data.putIfAbsent(EventMetadata.CORRELATION_ID, message.getIdentifier());
        return data;
    }
}
