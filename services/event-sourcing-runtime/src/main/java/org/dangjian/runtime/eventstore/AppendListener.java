package org.dangjian.runtime.eventstore;

import java.util.List;

/** Told of every batch of events right after the store has appended it (the commit point: there are no transactions). */
@FunctionalInterface
public interface AppendListener {

    void appended(List<StoredEvent> events);
}
