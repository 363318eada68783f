package org.dangjian.runtime.command;

import java.time.Instant;

/**
 * How a command was asked for: the client's idempotency key (if any), what the request was (operation and body, to
 * recognise a key reused for a different request) and, when the client says so, when it happened in the world.
 *
 * @param operation  a stable name of the operation and its target, e.g. {@code rename-unit <id>}
 * @param request    the request body as received (compared by its JSON form)
 * @param occurredAt business time; {@code null} means now
 */
public record CommandContext(IdempotencyKey idempotencyKey, String operation, Object request, Instant occurredAt) {

    public static CommandContext of(String idempotencyKeyHeader, String operation, Object request, Instant occurredAt) {
        return new CommandContext(IdempotencyKey.ofNullable(idempotencyKeyHeader), operation, request, occurredAt);
    }
}
