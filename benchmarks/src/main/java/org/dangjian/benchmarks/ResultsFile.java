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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A results file in markdown: a title, facts about the run, then sections, each with an optional text and an optional
 * table. When an earlier results file of the same kind is given, every table gets that run's figures in columns beside
 * its own (matched by section title and row label); the earlier file is read back from its tables, whose own earlier
 * columns are the ones headed {@code prev…}.
 */
final class ResultsFile {

    private static final String PREVIOUS = "prev";
    private static final String MISSING = "–";

    /** A table: its first column's heading, the value columns' headings, the rows. */
    record Table(String firstColumn, List<String> columns, List<Row> rows) {
        Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** A row: its label (the key that finds it in an earlier run) and its values, one per column. */
    record Row(String label, List<String> values) {
        Row {
            values = List.copyOf(values);
        }

        static Row of(String label, String... values) {
            return new Row(label, List.of(values));
        }
    }

    private record Section(String title, String text, Table table) {
    }

    /** An earlier results file: its name and its tables (section title → row label → values). */
    record Earlier(String name, Map<String, Map<String, List<String>>> tables) {
    }

    private final String title;
    private final List<String> facts = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    ResultsFile(String title) {
        this.title = title;
    }

    void fact(String fact) {
        facts.add(fact);
    }

    void section(String title, String text, Table table) {
        sections.add(new Section(title, text, table));
    }

    String render(Optional<Earlier> earlier) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder("# ").append(title).append(nl).append(nl);
        facts.forEach(fact -> out.append("- ").append(fact).append(nl));
        earlier.ifPresent(e -> out.append("- previous run beside it (columns headed ").append(PREVIOUS).append("): ").append(e.name()).append(nl));
        for (Section section : sections) {
            out.append(nl).append("## ").append(section.title()).append(nl).append(nl);
            if (section.text() != null && !section.text().isBlank()) {
                out.append(section.text().strip()).append(nl);
            }
            if (section.table() != null) {
                if (section.text() != null && !section.text().isBlank()) {
                    out.append(nl);
                }
                Map<String, List<String>> before = earlier.map(e -> e.tables().getOrDefault(section.title(), Map.of())).orElse(null);
                renderTable(out, section.table(), before, earlier.map(Earlier::name).orElse(null));
            }
        }
        return out.toString();
    }

    private static void renderTable(StringBuilder out, Table table, Map<String, List<String>> before, String beforeName) {
        String nl = System.lineSeparator();
        List<String> header = new ArrayList<>();
        header.add(table.firstColumn());
        header.addAll(table.columns());
        if (before != null) {
            for (int i = 0; i < table.columns().size(); i++) {
                header.add(i == 0 ? PREVIOUS + " " + shortName(beforeName) + ": " + table.columns().get(i) : PREVIOUS + ": " + table.columns().get(i));
            }
        }
        out.append(line(header)).append(nl);
        out.append(line(header.stream().map(h -> "---").toList())).append(nl);
        for (Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            cells.addAll(pad(row.values(), table.columns().size()));
            if (before != null) {
                cells.addAll(pad(before.getOrDefault(row.label(), List.of()), table.columns().size()));
            }
            out.append(line(cells)).append(nl);
        }
    }

    private static String shortName(String file) {
        return file.replaceFirst("-platform\\.md$", "");
    }

    private static List<String> pad(List<String> values, int size) {
        List<String> padded = new ArrayList<>(values.subList(0, Math.min(size, values.size())));
        while (padded.size() < size) {
            padded.add(MISSING);
        }
        return padded;
    }

    private static String line(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        cells.forEach(cell -> line.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        return line.toString();
    }

    /** The newest results file in {@code dir} whose name ends with {@code suffix}, by its date, then by when it was written. */
    static Optional<Earlier> newest(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .max(Comparator.comparing((Path f) -> f.getFileName().toString().substring(0, Math.min(10, f.getFileName().toString().length())))
                            .thenComparing(ResultsFile::modified));
        }
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Earlier(newest.get().getFileName().toString(), tables(Files.readString(newest.get(), StandardCharsets.UTF_8))));
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The tables of a results file: section title → row label → the values of that run (not of the run beside it). */
    static Map<String, Map<String, List<String>>> tables(String markdown) {
        Map<String, Map<String, List<String>>> tables = new LinkedHashMap<>();
        String section = null;
        int ownColumns = -1;
        boolean separator = false;
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                ownColumns = -1;
                continue;
            }
            if (section == null || !line.startsWith("|")) {
                ownColumns = -1;
                continue;
            }
            List<String> cells = cells(line);
            if (ownColumns < 0) { // the header
                ownColumns = 0;
                while (ownColumns + 1 < cells.size() && !cells.get(ownColumns + 1).startsWith(PREVIOUS)) {
                    ownColumns++;
                }
                separator = true;
                continue;
            }
            if (separator) {
                separator = false;
                continue;
            }
            tables.computeIfAbsent(section, s -> new LinkedHashMap<>())
                    .put(cells.get(0), List.copyOf(cells.subList(1, Math.min(cells.size(), ownColumns + 1))));
        }
        return tables;
    }

    /** The cells of a table line, {@code \|} read as a pipe within a cell. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
