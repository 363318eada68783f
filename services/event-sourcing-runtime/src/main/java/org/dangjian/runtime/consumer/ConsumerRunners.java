package org.dangjian.runtime.consumer;

import java.util.List;
import java.util.Optional;

import org.springframework.context.SmartLifecycle;

/** The runners of a service's read models and reactions, started after the context is ready and stopped before it closes. */
public final class ConsumerRunners implements SmartLifecycle {

    private final List<ConsumerRunner> runners;
    private volatile boolean running;

    public ConsumerRunners(List<ConsumerRunner> runners) {
        this.runners = List.copyOf(runners);
        long distinct = runners.stream().map(ConsumerRunner::name).distinct().count();
        if (distinct != runners.size()) {
            throw new IllegalArgumentException("Two read models or reactions share a name: " + runners.stream().map(ConsumerRunner::name).toList());
        }
    }

    public List<ConsumerRunner> all() {
        return runners;
    }

    public Optional<ConsumerRunner> named(String name) {
        return runners.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @Override
    public void start() {
        runners.forEach(ConsumerRunner::start);
        running = true;
    }

    /** Tells every runner to stop first, then waits for them: a service stops in the time of its slowest consumer. */
    @Override
    public void stop() {
        runners.forEach(ConsumerRunner::requestStop);
        runners.forEach(ConsumerRunner::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
