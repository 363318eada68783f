package org.dangjian.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.HdrHistogram.Histogram;

/**
 * Samples each read model's lag every 250 ms while a load runs, and keeps the distribution per model over every load
 * it watched, from two sources: the service's own figure ({@code /actuator/readmodels}: the consumer's lag as of its
 * last poll, the {@code dangjian_readmodel_lag} gauge) and the broker's (the end offsets minus the model's consumer
 * group's committed offsets: events not yet handled and committed).
 */
final class LagSampler {

    static final long INTERVAL_MILLIS = 250;

    /** A model's lag over the samples: how many, the 99th percentile and the maximum, in events. */
    record Lag(long samples, long p99, long max) {
    }

    /** A model's lag as the service reports it and as the broker's committed offsets give it. */
    record Lags(Lag reported, Lag committed) {
    }

    private final ServiceOperator operator;
    private final TopicReader topic;
    private final Map<String, Histogram> reported = new TreeMap<>();
    private final Map<String, Histogram> committed = new TreeMap<>();
    private long failedSamples;

    LagSampler(ServiceOperator operator, TopicReader topic) {
        this.operator = operator;
        this.topic = topic;
    }

    /** Runs {@code load}, sampling until it ends. */
    <T> T during(Callable<T> load) throws Exception {
        Thread sampler = new Thread(this::sampleUntilInterrupted, "lag-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            return load.call();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
    }

    private void sampleUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            long next = System.nanoTime() + INTERVAL_MILLIS * 1_000_000;
            try {
                Map<String, Long> byModel = operator.lags();
                Map<String, Long> byGroup = topic.committedLag();
                synchronized (reported) {
                    byModel.forEach((model, lag) -> {
                        record(reported, model, lag);
                        // a model's group is <namespace><service>.<model>
                        byGroup.forEach((group, behind) -> {
                            if (group.endsWith("." + model)) {
                                record(committed, model, behind);
                            }
                        });
                    });
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                synchronized (reported) {
                    failedSamples++;
                }
            }
            long sleep = (next - System.nanoTime()) / 1_000_000;
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void record(Map<String, Histogram> into, String model, long lag) {
        into.computeIfAbsent(model, m -> new Histogram(3)).recordValue(Math.max(0, lag));
    }

    Map<String, Lags> byModel() {
        Map<String, Lags> result = new TreeMap<>();
        synchronized (reported) {
            reported.forEach((model, h) -> result.put(model, new Lags(lag(h), lag(committed.get(model)))));
        }
        return result;
    }

    private static Lag lag(Histogram h) {
        return h == null ? new Lag(0, 0, 0) : new Lag(h.getTotalCount(), h.getValueAtPercentile(99), h.getMaxValue());
    }

    long failedSamples() {
        synchronized (reported) {
            return failedSamples;
        }
    }
}
