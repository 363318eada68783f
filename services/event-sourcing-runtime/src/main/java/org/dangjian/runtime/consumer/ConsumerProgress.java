package org.dangjian.runtime.consumer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-your-writes: lets a query wait (bounded) until a consumer has handled a given aggregate's sequence. Runners in
 * this instance report progress here and wake waiting queries at once; progress made by another instance is seen
 * through the stored positions. An aggregate that is parked is answered at once, not waited for.
 */
public final class ConsumerProgress {

    private static final long POLL_MILLIS = 50;

    /** What a wait came to. */
    public enum Outcome { REACHED, PARKED, TIMED_OUT }

    private final ConsumerPositions positions;
    private final ParkedAggregates parked;
    /** Recent progress of this instance's runners, bounded (older progress is read from the stored positions). */
    private final Map<String, Long> handled = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 100_000;
        }
    });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();

    public ConsumerProgress(ConsumerPositions positions, ParkedAggregates parked) {
        this.positions = positions;
        this.parked = parked;
    }

    void advanced(String key, long sequence) {
        handled.merge(key, sequence, Math::max);
        wakeWaiters();
    }

    /** Several aggregates' progress at once (a batch), waking the waiting queries once. */
    void advanced(Map<String, Long> sequences) {
        sequences.forEach((key, sequence) -> handled.merge(key, sequence, Math::max));
        wakeWaiters();
    }

    private void wakeWaiters() {
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void reset(String consumer) {
        synchronized (handled) {
            handled.keySet().removeIf(key -> key.startsWith(consumer + "|"));
        }
    }

    /**
     * Waits up to {@code timeout} for the consumer to have handled {@code sequence} of the aggregate. This instance's
     * runners wake the wait the moment they advance, and only this instance's progress is looked at then (no database
     * read); the stored positions (another instance's progress) and the parked record are read every
     * {@value #POLL_MILLIS} ms.
     */
    public Outcome await(String consumer, String service, String aggregateId, long sequence, Duration timeout) {
        String key = ConsumerPositions.key(consumer, service, aggregateId);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextStoredCheck = System.nanoTime();
        while (true) {
            if (reachedHere(key, sequence)) {
                return Outcome.REACHED;
            }
            long now = System.nanoTime();
            if (now - nextStoredCheck >= 0) {
                if (reachedStored(key, sequence)) {
                    return Outcome.REACHED;
                }
                if (parked.parkedHere(key) && parked.find(key).isPresent()) {
                    return Outcome.PARKED;
                }
                nextStoredCheck = now + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
            }
            long remaining = deadline - now;
            if (remaining <= 0) {
                return parked.find(key).isPresent() ? Outcome.PARKED : Outcome.TIMED_OUT;
            }
            lock.lock();
            try {
                if (!reachedHere(key, sequence)) { // checked under the lock: an advance cannot slip in before the wait
                    advanced.awaitNanos(Math.min(remaining, Math.max(1, nextStoredCheck - now)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.TIMED_OUT;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Whether the consumer has handled {@code sequence} of the aggregate already (no waiting). */
    public boolean reached(String consumer, String service, String aggregateId, long sequence) {
        return reached(ConsumerPositions.key(consumer, service, aggregateId), sequence);
    }

    private boolean reached(String key, long sequence) {
        return reachedHere(key, sequence) || reachedStored(key, sequence);
    }

    private boolean reachedHere(String key, long sequence) {
        Long local = handled.get(key);
        return local != null && local >= sequence;
    }

    private boolean reachedStored(String key, long sequence) {
        return positions.last(key).orElse(-1) >= sequence;
    }
}
