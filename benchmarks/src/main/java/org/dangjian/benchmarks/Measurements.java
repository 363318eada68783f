package org.dangjian.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution and a count over a wall-clock interval. */
final class Measurements {

    private final Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    private long startedNanos;
    private long endedNanos;

    /** One distribution of several measured intervals (e.g. alternating rounds): their latencies, over their summed time. */
    static Measurements combined(List<Measurements> parts) {
        Measurements all = new Measurements();
        for (Measurements part : parts) {
            all.latencies.add(part.latencies);
            all.endedNanos += part.endedNanos - part.startedNanos;
        }
        return all;
    }

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
