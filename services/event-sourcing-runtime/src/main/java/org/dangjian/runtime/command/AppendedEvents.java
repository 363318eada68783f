package org.dangjian.runtime.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dangjian.runtime.eventstore.AppendListener;
import org.dangjian.runtime.eventstore.StoredEvent;

/**
 * Tells the dispatcher which sequence its command produced. Commands run in the sending thread (Axon's simple
 * command bus commits the unit of work there), so the store's report of each commit is collected per thread. A command
 * may change several aggregates; the answer names its target's new sequence.
 */
final class AppendedEvents implements AppendListener {

    private final ThreadLocal<List<StoredEvent>> collecting = new ThreadLocal<>();

    void begin() {
        collecting.set(new ArrayList<>());
    }

    /** What the current thread's command stored, as the answer for its target; empty when it stored nothing. */
    Optional<CommandResult> end(String targetAggregateId) {
        List<StoredEvent> stored = collecting.get();
        collecting.remove();
        if (stored == null || stored.isEmpty()) {
            return Optional.empty();
        }
        StoredEvent answer = stored.stream().filter(e -> e.aggregateId().equals(targetAggregateId))
                .reduce((a, b) -> b.sequence() > a.sequence() ? b : a)
                .orElse(stored.get(stored.size() - 1));
        return Optional.of(new CommandResult(answer.aggregateId(), answer.sequence(), false));
    }

    @Override
    public void appended(List<StoredEvent> events) {
        List<StoredEvent> stored = collecting.get();
        if (stored != null) {
            stored.addAll(events);
        }
    }
}
