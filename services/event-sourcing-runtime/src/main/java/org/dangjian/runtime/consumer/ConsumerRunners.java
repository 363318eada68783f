package org.dangjian.runtime.consumer;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** The runners of a service's read models and reactions, started after the context is ready and stopped before it closes. */
public final class ConsumerRunners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRunners.class);

    private final List<ConsumerRunner> runners;
    private final Runnable createTopics;
    private volatile boolean running;

    public ConsumerRunners(List<ConsumerRunner> runners) {
        this(runners, () -> { });
    }

    /**
     * @param createTopics creates the subscribed topics that do not exist yet (another service's, not started yet), before
     *                     the runners subscribe; when it fails, the runners subscribe anyway and see the topics once
     *                     their owners create them
     */
    public ConsumerRunners(List<ConsumerRunner> runners, Runnable createTopics) {
        this.runners = List.copyOf(runners);
        this.createTopics = createTopics;
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
        try {
            createTopics.run();
        } catch (RuntimeException e) {
            log.warn("Could not create the subscribed topics; the consumers will see them once their services create them: {}", e.toString());
        }
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
