package org.dangjian.runtime.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.dangjian.runtime.domain.RuleViolation;

/**
 * Aggregate ids are UUIDs in their canonical form: 36 characters, lower-case hex. A client may send upper-case hex
 * (the same UUID, RFC 9562), in a body, a path or a parameter: {@link #canonical} gives the one form every store,
 * topic and answer uses, so the id a client sent finds the same record everywhere. Anything else is refused with
 * 400 {@code INVALID_ID} at once, before any store or read model is asked.
 */
public final class AggregateIds {

    /** A UUID in either case, for {@code @Pattern} on request fields. */
    public static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern UUID = Pattern.compile(UUID_PATTERN);

    private AggregateIds() {
    }

    /** The canonical (lower-case) form of {@code id}; 400 {@code INVALID_ID} naming {@code what} when it is no UUID. */
    public static String canonical(String what, String id) {
        if (id == null || id.length() != 36 || !UUID.matcher(id).matches()) {
            throw RuleViolation.invalid("INVALID_ID", "{0} must be a UUID such as 6f1c2a7e-3b1d-4c2e-9a57-0c3d5e8f1a2b", what);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** {@link #canonical} of a value that may be absent. */
    public static String canonicalOrNull(String what, String id) {
        return id == null ? null : canonical(what, id);
    }
}
