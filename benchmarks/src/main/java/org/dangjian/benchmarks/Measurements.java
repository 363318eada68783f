package org.dangjian.benchmarks;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution and a count over a wall-clock interval. */
final class Measurements {

    private final Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    private long startedNanos;
    private long endedNanos;

    void start() {
        startedNanos = System.nanoTime();
    }

    void end() {
        endedNanos = System.nanoTime();
    }

    void record(long nanos) {
        latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), latencies.getHighestTrackableValue()));
    }

    long count() {
        return latencies.getTotalCount();
    }

    double perSecond() {
        return count() / ((endedNanos - startedNanos) / 1e9);
    }

    double p50Millis() {
        return latencies.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
        return latencies.getValueAtPercentile(99) / 1000.0;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1000.0;
    }
}
