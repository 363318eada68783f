package org.dangjian.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the platform's applications logged at WARN and ERROR during the run ({@code <data-dir>/logs/*.log}, Spring
 * Boot's console format): counts per application, and the most frequent messages with ids and numbers blanked out
 * so that repeats of one message count together.
 *
 * @param counts   per log file: [ERROR lines, WARN lines]
 * @param messages "LEVEL application logger: message" → how often, most frequent first
 */
record LogFindings(Map<String, long[]> counts, List<Map.Entry<String, Long>> messages) {

    private static final Pattern LINE = Pattern.compile("^\\S+\\s+(ERROR|WARN)\\s+\\d+ --- \\[[^]]*] \\[[^]]*] \\[[^]]*] (\\S+)\\s*: (.*)$");
    private static final Pattern VARIABLE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");

    static LogFindings in(Path logs, int messages) throws IOException {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Long> byMessage = new LinkedHashMap<>();
        if (Files.isDirectory(logs)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(logs)) {
                files = list.filter(f -> f.toString().endsWith(".log")).sorted().toList();
            }
            for (Path file : files) {
                String app = file.getFileName().toString().replaceFirst("\\.log$", "");
                long[] count = counts.computeIfAbsent(app, a -> new long[2]);
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.forEach(line -> {
                        Matcher m = LINE.matcher(line);
                        if (m.matches()) {
                            count[m.group(1).equals("ERROR") ? 0 : 1]++;
                            String message = m.group(3).length() > 160 ? m.group(3).substring(0, 160) + "…" : m.group(3);
                            byMessage.merge(m.group(1) + " " + app + " " + m.group(2) + ": " + VARIABLE.matcher(message).replaceAll("…"), 1L, Long::sum);
                        }
                    });
                }
            }
        }
        List<Map.Entry<String, Long>> top = new ArrayList<>(byMessage.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(messages).toList());
        return new LogFindings(counts, top);
    }
}
