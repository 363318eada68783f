package org.dangjian.runtime.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries the metadata of a command onto every event it produces (Axon applies correlation data providers to each
 * message created while handling another): the actor, correlation id, business time and idempotency key are
 * copied, and the causation id becomes the handled message's own id.
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
        data.put(EventMetadata.CAUSATION_ID, message.getIdentifier());
        data.putIfAbsent(EventMetadata.CORRELATION_ID, message.getIdentifier());
        return data;
    }
}
