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
 * request (beating) from a dead one (silent). A command's claim stops beating once the command is past its deadline:
 * the store no longer lets it append, so a retry may safely take it over.
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

    Heartbeats(IdempotencyStore keys, Duration interval, Duration deadline) {
        this.keys = keys;
        this.interval = interval;
        this.deadline = deadline;
        beats.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void track(IdempotencyStore.Entry entry) {
        running.put(entry.owner(), new Running(entry, System.nanoTime()));
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
                continue; // past its deadline it can store nothing: let a retry take it over
            }
            try {
                keys.beat(command.entry());
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
