package org.dangjian.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which parts of the demo data a data directory holds in full ({@code demo-loaded.txt}, a part's name a line): a part
 * loaded completely is not looked at again on the next start, which would ask the services for every demo record (some
 * hundreds of requests: half a minute of every restart). A part whose load was cut short or refused by a rule is not
 * written, so the next start resumes it; a part added by a newer version (a new service's demo) is loaded on the next
 * start of an existing data directory. Deleting the file makes the next start look at every part again.
 */
final class DemoMarker {

    static final String FILE = "demo-loaded.txt";

    private final Path file;
    private final Set<String> loaded = new LinkedHashSet<>();

    DemoMarker(Path dataDir) {
        this.file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(line -> !line.isEmpty()).forEach(loaded::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Reading " + file + " failed", e);
            }
        }
    }

    synchronized boolean loaded(String part) {
        return loaded.contains(part);
    }

    /** Records that {@code part} is loaded in full (written at once, so a crash later keeps it). */
    synchronized void markLoaded(String part) {
        if (loaded.add(part)) {
            try {
                Files.writeString(file, String.join("\n", loaded) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Writing " + file + " failed", e);
            }
        }
    }
}
