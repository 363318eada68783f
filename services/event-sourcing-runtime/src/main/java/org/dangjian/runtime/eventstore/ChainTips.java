package org.dangjian.runtime.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash of the newest event seen per aggregate (bounded, least recently used dropped), so that appending after a
 * load need not read the previous event again. A stored event never changes, so a remembered (aggregate, sequence,
 * hash) stays true; a miss just reads the store.
 */
final class ChainTips {

    private record Tip(long sequence, String hash) {
    }

    private final Map<String, Tip> tips;

    ChainTips(int capacity) {
        this.tips = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tip> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(StoredEvent event) {
        Tip known = tips.get(event.aggregateId());
        if (known == null || known.sequence() < event.sequence()) {
            tips.put(event.aggregateId(), new Tip(event.sequence(), event.hash()));
        }
    }

    /** The hash of that event if it is the newest one remembered, else {@code null}. */
    synchronized String hashOf(String aggregateId, long sequence) {
        Tip known = tips.get(aggregateId);
        return known != null && known.sequence() == sequence ? known.hash() : null;
    }
}
