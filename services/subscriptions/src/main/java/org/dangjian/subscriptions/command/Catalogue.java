package org.dangjian.subscriptions.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.dangjian.contracts.EventType;
import org.dangjian.contracts.EventTypes;
import org.dangjian.contracts.PublishedLanguage;

/**
 * The published language as a department sees it (事件目录): every event type of every service, by its versioned name,
 * with the service that publishes it and whether a department may be granted it. A restricted type (a discipline case's
 * content) is never grantable: it is published on its service's restricted topic, which this service does not read.
 */
public final class Catalogue {

    /** One published type. */
    public record Entry(String type, String service, Class<? extends Record> record, boolean grantable) {
    }

    private static final Map<String, List<Class<? extends Record>>> SERVICES = new LinkedHashMap<>();

    static {
        // every service's published types, as contracts lists them (a new service's join by themselves)
        PublishedLanguage.services().forEach(service -> SERVICES.put(service.name(), service.events()));
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Catalogue() {
        SERVICES.forEach((service, types) -> types.forEach(record -> {
            EventType annotation = record.getAnnotation(EventType.class);
            String type = EventTypes.of(record);
            entries.put(type, new Entry(type, service, record, !annotation.restricted()));
        }));
    }

    /** The services whose events it lists, in the platform's order. */
    public static List<String> services() {
        return List.copyOf(SERVICES.keySet());
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Entry> entry(String type) {
        return Optional.ofNullable(type == null ? null : entries.get(type));
    }

    /** The grantable types, every one. */
    public Stream<Entry> grantable() {
        return entries.values().stream().filter(Entry::grantable);
    }
}
