package org.dangjian.contracts;

/** Reads {@link EventType} names. */
public final class EventTypes {

    private EventTypes() {
    }

    /** The full, versioned type of a published event class: {@code name + ".v" + version}. */
    public static String of(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event (no @EventType)");
        }
        return type.name() + ".v" + type.version();
    }
}
