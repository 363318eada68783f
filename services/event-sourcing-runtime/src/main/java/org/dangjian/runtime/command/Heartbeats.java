package org.dangjian.runtime.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beats the idempotency claims of the commands this instance is running, so that a repeat can tell a slow first
 * request (beating) from a dead one (silent). A command's claim stops beating once the command is past its deadline and
 * the grace a write begun before it may take: nothing of it can be stored any more, so a retry may safely take it
 * over. Each beat is bounded by the beat interval, so one slow write does not hold up the others.
 */
final class Heartbeats implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private record Running(IdempotencyStore.Entry entry, long startedNanos) {
    }

    private final IdempotencyStore keys;
    private final Duration interval;
    private final Duration deadline;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "idempotency-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param deadline the command deadline plus the commit grace: after it nothing of the command can be stored any
     *                 more, so its claim stops beating and a repeat may take it over
     */
    Heartbeats(IdempotencyStore keys, Duration interval, Duration deadline) {
        this.keys = keys;
        this.interval = interval;
        this.deadline = deadline;
        beats.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Beats the claim from now on; answers when its command started (monotonic), which its deadline counts from. */
    long track(IdempotencyStore.Entry entry) {
        long started = System.nanoTime();
        running.put(entry.owner(), new Running(entry, started));
        return started;
    }

    void untrack(IdempotencyStore.Entry entry) {
        running.remove(entry.owner());
    }

    private void beat() {
        long now = System.nanoTime();
        for (Running command : running.values()) {
            long age = now - command.startedNanos();
            if (age < interval.toNanos()) {
                continue; // most commands finish before their first beat is due
            }
            if (age > deadline.toNanos()) {
                continue; // past its deadline and grace it can store nothing: let a retry take it over
            }
            try {
                keys.beat(command.entry(), interval); // one slow beat must not hold up the others past the silence
            } catch (RuntimeException e) {
                log.debug("Could not beat idempotency claim {} ({})", command.entry().scope(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
