package org.dangjian.runtime.readmodel;

import java.util.List;

import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.Delivery;

/**
 * A consumer that sees every record of its topics as it was delivered, for a service whose job is to check what the
 * others published (the audit service). Unlike a {@link ReadModel}, nothing is filtered out before it: no duplicate
 * is skipped, no gap is repaired or parked, no type is passed over, and a record that is not one of the platform's
 * events comes as a {@link Delivery} that says why. It judges for itself what a redelivery, a gap or an altered event
 * means.
 *
 * <p>The runtime hands it each poll's records in order (per partition, as Kafka delivers them), commits the offsets
 * after it returns, retries the same records a few times when it throws, and then restarts the consumer from the
 * committed offsets: so {@link #witnessAll} must be safe to repeat, like a read model's writes. It can be rebuilt from
 * offset 0 like a read model ({@code /actuator/readmodels}), unless it says it is a record of its own that a rebuild
 * would change ({@link #rebuildable()}).
 */
public interface Witness {

    /** A stable name ({@code [a-z0-9-]+}): the consumer group, the metrics tag. */
    String name();

    /** The event types whose topics it reads (every record of those topics comes, of any type). */
    Subscription subscription();

    /** Handles the records of one poll, in the order they were delivered. */
    void witnessAll(List<Delivery> deliveries);

    /** The collections it owns: dropped before a rebuild. */
    List<String> collections();

    /** Called after the runtime dropped the collections, before a rebuild: forget caches, create indexes again. */
    default void reset() {
    }

    /**
     * Whether it may be dropped and rebuilt from offset 0. False for a witness whose collections are a record in their
     * own right, numbered as things arrived (the subscriptions service's delivery journal: its positions are what the
     * departments resume from, and a rebuild would number them anew); such a witness is never rebuilt.
     */
    default boolean rebuildable() {
        return true;
    }
}
