package org.dangjian.runtime.readmodel;

import org.dangjian.runtime.messaging.PublishedEvent;

/**
 * A read model: built only from published events (a Kafka consumer), so it can be dropped and rebuilt from offset 0.
 *
 * <p>The runtime delivers each aggregate's events in order, at most once each in effect: it remembers the last
 * sequence applied per aggregate, skips what it has seen and repairs gaps. {@link #apply} must still be an
 * idempotent upsert (field-level {@code $set} keyed by id and sequence): a crash between applying and remembering
 * delivers an event again.
 */
public interface ReadModel {

    /** A stable name: the consumer group, the metrics tag, the key of its positions. */
    String name();

    void apply(PublishedEvent event);

    /** Drops everything the model holds, before a rebuild. */
    void reset();
}
