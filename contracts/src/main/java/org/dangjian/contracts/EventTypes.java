package org.dangjian.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link EventType} names, and the platform's naming rules that follow from them: an event type
 * {@code org.dangjian.<service>.<Event>.v<n>} is published by {@code <service>} on the topic
 * {@code dangjian.<service>.events} (a {@linkplain EventType#restricted() restricted} one on
 * {@code dangjian.<service>.restricted}), with CloudEvents source {@code /dangjian/<service>}.
 */
public final class EventTypes {

    private static final Pattern TYPE = Pattern.compile("org\\.dangjian\\.([a-z][a-z0-9-]*)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

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

    /** The service that publishes events of this type ({@code organisation} for {@code org.dangjian.organisation.X.v1}). */
    public static String serviceOf(String type) {
        return parse(type).group(1);
    }

    /** The type without its version ({@code org.dangjian.organisation.X}). */
    public static String unversioned(String type) {
        Matcher m = parse(type);
        return "org.dangjian." + m.group(1) + "." + m.group(2);
    }

    /** The type's version number. */
    public static int versionOf(String type) {
        return Integer.parseInt(parse(type).group(3));
    }

    /** Whether the text follows the rule {@code org.dangjian.<service>.<Event>.v<n>}. */
    public static boolean isWellFormed(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    /** The topic a service publishes on: {@code dangjian.<service>.events}. */
    public static String topicOf(String service) {
        return "dangjian." + service + ".events";
    }

    /** The topic a service publishes its restricted events on: {@code dangjian.<service>.restricted}. */
    public static String restrictedTopicOf(String service) {
        return "dangjian." + service + ".restricted";
    }

    /** Whether events of this class are {@linkplain EventType#restricted() restricted}. */
    public static boolean isRestricted(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event (no @EventType)");
        }
        return type.restricted();
    }

    /** The topic events of this class are published on. */
    public static String topicOf(Class<?> eventClass) {
        String service = serviceOf(of(eventClass));
        return isRestricted(eventClass) ? restrictedTopicOf(service) : topicOf(service);
    }

    private static Matcher parse(String type) {
        Matcher m = type == null ? null : TYPE.matcher(type);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("Not an event type of the platform (org.dangjian.<service>.<Event>.v<n>): " + type);
        }
        return m;
    }
}
