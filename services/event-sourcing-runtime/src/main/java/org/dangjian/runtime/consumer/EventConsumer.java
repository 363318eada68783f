package org.dangjian.runtime.consumer;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.dangjian.runtime.messaging.Delivery;
import org.dangjian.runtime.messaging.PublishedEvent;

/**
 * What the runtime runs as a Kafka consumer: a read model or a reaction, with its name, subscription and handler.
 *
 * @param collections what a read model owns (dropped before a rebuild); empty for a reaction
 * @param reset        what else a read model forgets before a rebuild; {@code null} for a reaction or a witness that is
 *                     never rebuilt
 * @param batchHandler handles several events of a poll at once (see {@code ReadModel.applyAll}); {@code null}: one at a
 *                     time
 * @param witnessHandler a witness's handler of every record of a poll; {@code null} for a read model or a reaction
 */
public record EventConsumer(String name, Kind kind, Subscription subscription, Consumer<PublishedEvent> handler, List<String> collections,
                            Runnable reset, Consumer<List<PublishedEvent>> batchHandler, Consumer<List<Delivery>> witnessHandler) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public enum Kind { READ_MODEL, REACTION, WITNESS }

    public EventConsumer {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A read model's or reaction's name is lower case letters, digits and '-': " + name);
        }
        collections = List.copyOf(collections);
    }

    /** A read model or a reaction. */
    public EventConsumer(String name, Kind kind, Subscription subscription, Consumer<PublishedEvent> handler, List<String> collections,
                         Runnable reset, Consumer<List<PublishedEvent>> batchHandler) {
        this(name, kind, subscription, handler, collections, reset, batchHandler, null);
    }

    /** A witness: every record of its topics, as delivered (see {@code Witness}). */
    public static EventConsumer witness(String name, Subscription subscription, Consumer<List<Delivery>> witnessHandler, List<String> collections,
                                        Runnable reset) {
        return new EventConsumer(name, Kind.WITNESS, subscription, event -> {
            throw new UnsupportedOperationException("a witness takes deliveries");
        }, collections, reset, null, witnessHandler);
    }

    /** A consumer that handles its events one at a time. */
    public EventConsumer(String name, Kind kind, Subscription subscription, Consumer<PublishedEvent> handler, List<String> collections,
                         Runnable reset) {
        this(name, kind, subscription, handler, collections, reset, null);
    }

    /** Whether it may be dropped and rebuilt from offset 0: a read model, or a witness that has a reset. */
    public boolean rebuildable() {
        return kind != Kind.REACTION && reset != null;
    }
}
