package org.dangjian.runtime.consumer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dangjian.contracts.EventTypes;

/**
 * What a read model or a reaction consumes: the event types it handles, as the records of {@code contracts} (its own
 * service's or any other's). The topics follow from the types: events of {@code org.dangjian.<service>.*} are on
 * {@code dangjian.<service>.events}. Of those topics, a type that is not declared is skipped (its sequence still
 * counts, so skipping leaves no gap), except a newer version of a declared type, which stops that aggregate until this
 * service is upgraded to read it.
 */
public final class Subscription {

    private final Map<String, Class<?>> types;
    private final Set<String> services;

    private Subscription(Map<String, Class<?>> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("A subscription declares at least one event type");
        }
        this.types = Map.copyOf(types);
        Set<String> byService = new LinkedHashSet<>();
        types.keySet().forEach(type -> byService.add(EventTypes.serviceOf(type)));
        this.services = Set.copyOf(byService);
    }

    /** The given contract records, and the topics they are published on. */
    public static Subscription to(Collection<? extends Class<?>> eventClasses) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (Class<?> eventClass : eventClasses) {
            Class<?> previous = types.put(EventTypes.of(eventClass), eventClass);
            if (previous != null && previous != eventClass) {
                throw new IllegalArgumentException(EventTypes.of(eventClass) + " is declared by " + previous + " and " + eventClass);
            }
        }
        return new Subscription(types);
    }

    public static Subscription to(Class<?>... eventClasses) {
        return to(List.of(eventClasses));
    }

    /** The topics this subscription reads, each with the service that publishes on it (restricted ones where declared). */
    public Map<String, String> serviceByTopic(java.util.function.Function<Class<?>, String> topicOf) {
        Map<String, String> topics = new LinkedHashMap<>();
        types.values().forEach(type -> topics.put(topicOf.apply(type), EventTypes.serviceOf(EventTypes.of(type))));
        return topics;
    }

    /** The services whose topics this subscription reads. */
    public Set<String> services() {
        return services;
    }

    /** Every declared type with its record. */
    public Map<String, Class<?>> types() {
        return types;
    }

    public Optional<Class<?>> classOf(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /** Whether the type is a newer version of one this subscription declares (it must not be skipped). */
    public boolean isNewerVersionOfDeclared(String type) {
        if (!EventTypes.isWellFormed(type)) {
            return false;
        }
        String name = EventTypes.unversioned(type);
        int version = EventTypes.versionOf(type);
        return types.keySet().stream().anyMatch(t -> EventTypes.unversioned(t).equals(name) && EventTypes.versionOf(t) < version);
    }
}
