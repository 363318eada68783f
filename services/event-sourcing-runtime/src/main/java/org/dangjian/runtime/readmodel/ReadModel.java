package org.dangjian.runtime.readmodel;

import java.util.List;

import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;

/**
 * A read model: built only from published events (a Kafka consumer of the topics its {@link #subscription()} names,
 * its own service's or any other's), so it can be dropped and rebuilt from offset 0.
 *
 * <p>The runtime delivers each aggregate's events in order and once in effect: it remembers the last sequence handled
 * per aggregate, skips what it has seen, repairs gaps, and parks an aggregate whose event keeps failing (the others go
 * on). {@link #apply} is called only with declared types, the payload decoded. It must be safe to repeat: after a
 * failure half way, or a crash before the position is recorded, the same event comes again. Write each document so
 * that a repeat changes nothing ({@link VersionedDocuments} for a document written by one aggregate's events, a field
 * per member ({@code $set}/{@code $unset}) for sets written by many, {@code $max} for high-water marks, never
 * {@code $inc}; {@link TimelineStore} for histories), and never skip a later write because an earlier one of the same
 * event already happened. Make the result independent of the order in which different aggregates' events arrive: a
 * rebuild must give the very same documents.
 */
public interface ReadModel {

    /** A stable name ({@code [a-z0-9-]+}): the consumer group, the metrics tag, the key of its positions. */
    String name();

    /** The event types it handles (and so the topics it reads). */
    Subscription subscription();

    /** Applies one event of a declared type ({@link PublishedEvent#payload()} is the decoded record). */
    void apply(PublishedEvent event);

    /**
     * Applies several events of declared types at once, as a consumer's poll delivers them: in order, each aggregate's
     * events in sequence and each next after the last one applied. A model whose writes can be batched
     * ({@link VersionedDocuments#batch()}, {@link TimelineStore#recordAll}) does them in a few round trips here
     * instead of a few per event. It must leave what {@link #apply} would leave, event by event; if it fails, the
     * runtime applies the same events again one at a time, so it must be safe to repeat as a whole, like {@code apply}.
     */
    default void applyAll(List<PublishedEvent> events) {
        events.forEach(this::apply);
    }

    /** The collections it owns: dropped before a rebuild, compared with the rebuilt ones by the conformance test. */
    List<String> collections();

    /**
     * Called after the runtime dropped the collections, before a rebuild: forget caches, and create the collections'
     * indexes again ({@link VersionedDocuments#drop()} does both for its collection).
     */
    default void reset() {
    }
}
