package org.dangjian.runtime.eventstore;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.dangjian.contracts.EventTypes;

/**
 * Maps the stable, versioned event types of {@code contracts} ({@code org.dangjian.organisation.OrganisationUnitEstablished.v1})
 * to their Java records and back. Only registered types are stored or read: a class name never reaches the store or
 * the wire.
 */
public final class EventTypeRegistry {

    private final Map<String, Class<?>> byType = new HashMap<>();
    private final Map<Class<?>, String> byClass = new HashMap<>();

    public EventTypeRegistry(Collection<? extends Class<?>> eventClasses) {
        for (Class<?> eventClass : eventClasses) {
            String type = EventTypes.of(eventClass);
            Class<?> previous = byType.putIfAbsent(type, eventClass);
            if (previous != null && previous != eventClass) {
                throw new IllegalArgumentException("Event type " + type + " is claimed by " + previous + " and " + eventClass);
            }
            byClass.put(eventClass, type);
        }
    }

    public String typeOf(Class<?> eventClass) {
        String type = byClass.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a registered event type; list it in the service's published events");
        }
        return type;
    }

    public Optional<Class<?>> classOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
