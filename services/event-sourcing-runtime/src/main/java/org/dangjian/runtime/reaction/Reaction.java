package org.dangjian.runtime.reaction;

import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;

/**
 * A reaction (a policy, or a process manager's step): sends commands of this service in response to events, usually
 * another service's (attendance earns points; a sanction vetoes a promotion). It runs as a Kafka consumer of the
 * topics its {@link #subscription()} names, with the same ordering, deduplication, gap repair and parking as a read
 * model.
 *
 * <p>Commands go through the {@link Reactor}: as this service's own principal ({@code service:<name>}, role
 * {@code SERVICE}), with the event as their cause (its id is the causation id of what they store, its correlation id
 * theirs) and an idempotency key derived from the event, so a redelivered event changes nothing. A command that a
 * business rule refuses is an answer, recorded and counted, not a failure: the reaction goes on. Anything else that
 * fails is retried and then parks the aggregate.
 */
public interface Reaction {

    /** A stable name ({@code [a-z0-9-]+}): the consumer group, the metrics tag, part of the derived idempotency keys. */
    String name();

    Subscription subscription();

    /** Reacts to one event of a declared type ({@link PublishedEvent#payload()} is the decoded record). */
    void react(PublishedEvent event, Reactor reactor);
}
