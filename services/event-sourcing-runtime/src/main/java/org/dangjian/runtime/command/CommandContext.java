package org.dangjian.runtime.command;

import java.time.Instant;

/**
 * How a command was asked for: the idempotency key (if any), what the request was (operation and body, to recognise
 * a key reused for a different request), when it happened in the world, and what caused it.
 *
 * @param operation     a stable name of the operation and its target, e.g. {@code rename-unit <id>}
 * @param request       the request body as received (compared by its JSON form)
 * @param occurredAt    business time; {@code null} means now
 * @param actingAs      the role the operation requires, recorded as the actor's role (a user may hold several)
 * @param correlationId the correlation id to record; {@code null}: the request's ({@code X-Correlation-Id})
 * @param causationId   what caused the command (a reaction's event); {@code null}: the command itself
 */
public record CommandContext(IdempotencyKey idempotencyKey, String operation, Object request, Instant occurredAt, String actingAs,
                             String correlationId, String causationId) {

    public static CommandContext of(String idempotencyKeyHeader, String operation, Object request, Instant occurredAt) {
        return new CommandContext(IdempotencyKey.ofNullable(idempotencyKeyHeader), operation, request, occurredAt, null, null, null);
    }

    /** The same, recording {@code role} as the role the actor acted in. */
    public CommandContext actingAs(String role) {
        return new CommandContext(idempotencyKey, operation, request, occurredAt, role, correlationId, causationId);
    }

    /** The same, caused by another message (its id) within a conversation (its correlation id). */
    public CommandContext causedBy(String causation, String correlation) {
        return new CommandContext(idempotencyKey, operation, request, occurredAt, actingAs, correlation, causation);
    }
}
