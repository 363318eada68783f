package org.dangjian.runtime.consumer;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.dangjian.runtime.messaging.PublishedEvent;

/**
 * What the runtime runs as a Kafka consumer: a read model or a reaction, with its name, subscription and handler.
 *
 * @param collections what a read model owns (dropped before a rebuild); empty for a reaction
 * @param reset        what else a read model forgets before a rebuild; {@code null} for a reaction (not rebuilt)
 * @param batchHandler handles several events of a poll at once (see {@code ReadModel.applyAll}); {@code null}: one at a
 *                     time
 */
public record EventConsumer(String name, Kind kind, Subscription subscription, Consumer<PublishedEvent> handler, List<String> collections,
                            Runnable reset, Consumer<List<PublishedEvent>> batchHandler) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public enum Kind { READ_MODEL, REACTION }

    public EventConsumer {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A read model's or reaction's name is lower case letters, digits and '-': " + name);
        }
        collections = List.copyOf(collections);
    }

    /** A consumer that handles its events one at a time. */
    public EventConsumer(String name, Kind kind, Subscription subscription, Consumer<PublishedEvent> handler, List<String> collections,
                         Runnable reset) {
        this(name, kind, subscription, handler, collections, reset, null);
    }

    public boolean rebuildable() {
        return kind == Kind.READ_MODEL;
    }
}
