package org.dangjian.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one JVM spent its CPU, from a JFR recording's execution samples ({@code jdk.ExecutionSample}): the methods
 * at the top of the sampled stacks (self time) and their packages.
 *
 * @param samples    execution samples in the recording
 * @param topFrames  the methods most often on top, with their sample counts, most first
 * @param topPackages the packages of those top frames, with their sample counts, most first
 */
record JfrSummary(long samples, List<Map.Entry<String, Long>> topFrames, List<Map.Entry<String, Long>> topPackages) {

    /** The samples of {@code recording} taken between {@code from} and {@code to}. */
    static JfrSummary of(Path recording, Instant from, Instant to, int frames, int packages) throws IOException {
        Map<String, Long> byFrame = new HashMap<>();
        Map<String, Long> byPackage = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                        || event.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedFrame top = stack.getFrames().get(0);
                RecordedMethod method = top.getMethod();
                String type = method.getType().getName();
                byFrame.merge(type + "." + method.getName(), 1L, Long::sum);
                int dot = type.lastIndexOf('.');
                byPackage.merge(dot < 0 ? "(default package)" : type.substring(0, dot), 1L, Long::sum);
            }
        }
        return new JfrSummary(samples, top(byFrame, frames), top(byPackage, packages));
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
}
