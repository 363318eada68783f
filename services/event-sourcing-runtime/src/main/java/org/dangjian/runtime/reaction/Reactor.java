package org.dangjian.runtime.reaction;

import java.time.Instant;
import java.util.function.Function;

import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * Sends this service's commands on behalf of a {@link Reaction}, caused by one event. Each command sent for the same
 * event gets the next derived idempotency key ({@code reaction:<name>:<eventId>:<n>}), so react deterministically:
 * the same event, the same commands, in the same order.
 */
public interface Reactor {

    /**
     * Sends a command, its business time the event's. A refusal by a business rule is answered, not thrown: see
     * {@link Outcome#refusal()}.
     *
     * @param aggregateId the target (for a creation: the new aggregate's id)
     * @param commandFor  builds the command for that id
     */
    Outcome send(String aggregateId, Function<String, ?> commandFor);

    /** The same, with its own business time. */
    Outcome send(String aggregateId, Function<String, ?> commandFor, Instant occurredAt);

    /** What a command answered: its result, or the rule that refused it. */
    record Outcome(CommandResult result, RuleViolation refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }
}
