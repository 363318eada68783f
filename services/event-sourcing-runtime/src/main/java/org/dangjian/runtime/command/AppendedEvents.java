package org.dangjian.runtime.command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.dangjian.runtime.eventstore.AppendListener;
import org.dangjian.runtime.eventstore.StoredEvent;

/**
 * Tells the dispatcher which sequence its command produced: the store reports every append, and each event's
 * causation id is the id of the command that caused it. Only commands the dispatcher is waiting for are remembered.
 */
final class AppendedEvents implements AppendListener {

    private static final CommandResult NOTHING_YET = new CommandResult("", -1, false);

    private final ConcurrentHashMap<String, CommandResult> expected = new ConcurrentHashMap<>();

    void expect(String commandId) {
        expected.put(commandId, NOTHING_YET);
    }

    Optional<CommandResult> take(String commandId) {
        CommandResult result = expected.remove(commandId);
        return result == null || result == NOTHING_YET ? Optional.empty() : Optional.of(result);
    }

    @Override
    public void appended(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            if (event.causationId() != null) {
                expected.computeIfPresent(event.causationId(),
                        (id, previous) -> previous.sequence() >= event.sequence() ? previous
                                : new CommandResult(event.aggregateId(), event.sequence(), false));
            }
        }
    }
}
