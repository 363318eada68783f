package org.dangjian.runtime.reaction;

import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.IdempotencyKey;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.metadata.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Reactor} of one event: commands go out as the service ({@code service:<name>}, role {@code SERVICE}),
 * caused by the event (causation id = its id, correlation id = its correlation id), with the keys
 * {@code reaction:<reaction>:<eventId>:<n>}: handling the same event again (a redelivery, a retry after a crash)
 * gets the stored answers and stores nothing new.
 */
public final class DispatchingReactor implements Reactor {

    private static final Logger log = LoggerFactory.getLogger(DispatchingReactor.class);
    /** Refusals that may go away on their own: retried (and, if they persist, the aggregate parks). */
    private static final Set<String> TRANSIENT = Set.of("CONCURRENT_MODIFICATION", "IDEMPOTENT_REQUEST_IN_PROGRESS");

    private final CommandDispatcher dispatcher;
    private final Actor actor;
    private final String reaction;
    private final PublishedEvent cause;
    private final Counter refusals;
    private int next;

    public DispatchingReactor(CommandDispatcher dispatcher, Actor actor, String reaction, PublishedEvent cause, Counter refusals) {
        this.dispatcher = dispatcher;
        this.actor = actor;
        this.reaction = reaction;
        this.cause = cause;
        this.refusals = refusals;
    }

    @Override
    public Outcome send(String aggregateId, Function<String, ?> commandFor) {
        return send(aggregateId, commandFor, cause.occurredAt());
    }

    @Override
    public Outcome send(String aggregateId, Function<String, ?> commandFor, Instant occurredAt) {
        int index = next++;
        String operation = "reaction " + reaction + " " + index;
        IdempotencyKey key = new IdempotencyKey(keyFor(reaction, cause.eventId(), index));
        String correlation = cause.correlationId() != null ? cause.correlationId() : cause.eventId();
        Object command = commandFor.apply(aggregateId);
        // the command itself is the request: a reaction that sends another command for the same event is told (422)
        CommandContext context = new CommandContext(key, operation, command, occurredAt, null, correlation, cause.eventId());
        try {
            return new Outcome(dispatcher.sendAs(actor, aggregateId, commandFor, context), null);
        } catch (RuleViolation refusal) {
            if (TRANSIENT.contains(refusal.code())) {
                throw refusal;
            }
            refusals.increment();
            log.warn("Reaction {} to {} (sequence {} of {}): {} refused it: {} {}", reaction, cause.type(), cause.sequence(),
                    cause.aggregateId(), aggregateId, refusal.code(), refusal.getMessage());
            return new Outcome(null, refusal);
        }
    }

    /** The idempotency key of the {@code index}-th command a reaction sends for an event. */
    public static String keyFor(String reaction, String eventId, int index) {
        return "reaction:" + reaction + ":" + eventId + ":" + index;
    }
}
