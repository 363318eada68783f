package org.dangjian.runtime.readmodel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-your-writes: lets a query wait (bounded) until a read model has applied a given aggregate's sequence. Runners
 * in this instance report progress here; progress made by another instance is seen through the stored positions.
 */
public final class ReadModelProgress {

    private static final long POLL_MILLIS = 50;

    private final ReadModelPositions positions;
    /** Recent progress of this instance's runners, bounded (older progress is read from the stored positions). */
    private final java.util.Map<String, Long> applied = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> eldest) {
            return size() > 100_000;
        }
    });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();

    public ReadModelProgress(ReadModelPositions positions) {
        this.positions = positions;
    }

    void advanced(String model, String aggregateId, long sequence) {
        applied.merge(model + "|" + aggregateId, sequence, Math::max);
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void reset(String model) {
        synchronized (applied) {
            applied.keySet().removeIf(key -> key.startsWith(model + "|"));
        }
    }

    /** Whether the model has applied {@code sequence} of the aggregate, waiting up to {@code timeout} for it. */
    public boolean await(String model, String aggregateId, long sequence, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (reached(model, aggregateId, sequence)) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            lock.lock();
            try {
                advanced.await(Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, POLL_MILLIS), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean reached(String model, String aggregateId, long sequence) {
        Long local = applied.get(model + "|" + aggregateId);
        if (local != null && local >= sequence) {
            return true;
        }
        return positions.last(model, aggregateId).orElse(-1) >= sequence;
    }
}
