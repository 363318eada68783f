package org.dangjian.runtime.readmodel;

import java.util.List;
import java.util.Optional;

import org.springframework.context.SmartLifecycle;

/** The runners of a service's read models, started after the context is ready and stopped before it closes. */
public final class ReadModelRunners implements SmartLifecycle {

    private final List<ReadModelRunner> runners;
    private volatile boolean running;

    public ReadModelRunners(List<ReadModelRunner> runners) {
        this.runners = List.copyOf(runners);
    }

    public List<ReadModelRunner> all() {
        return runners;
    }

    public Optional<ReadModelRunner> named(String name) {
        return runners.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @Override
    public void start() {
        runners.forEach(ReadModelRunner::start);
        running = true;
    }

    @Override
    public void stop() {
        runners.forEach(ReadModelRunner::stop);
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
