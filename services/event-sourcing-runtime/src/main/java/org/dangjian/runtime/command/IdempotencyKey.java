package org.dangjian.runtime.command;

import org.dangjian.runtime.domain.RuleViolation;

/**
 * A client's {@code Idempotency-Key} header: 1 to 255 visible ASCII characters (a UUID is typical). Keys are scoped
 * to the caller: two users may use the same key.
 */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw RuleViolation.invalid("INVALID_IDEMPOTENCY_KEY",
                    "An Idempotency-Key must be 1 to 255 visible ASCII characters, for example a UUID");
        }
    }

    /** The header's value, or {@code null} when the header is absent. */
    public static IdempotencyKey ofNullable(String header) {
        return header == null ? null : new IdempotencyKey(header.strip());
    }
}
