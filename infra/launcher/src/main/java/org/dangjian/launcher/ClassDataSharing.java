package org.dangjian.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import org.dangjian.infra.embedded.FileTrees;

/**
 * Class data sharing for the child JVMs (JDK application class-data sharing, "AppCDS"): most of a Spring Boot
 * application's start is loading, verifying and linking its classes, and seven applications start at once on the
 * machine's cores. A JVM given an archive of the classes it loaded last time maps them instead; on this project's
 * 2-core machine that halves the CPU an application needs to start (benchmarks/README.md, "Start-up").
 *
 * <p>How, per application jar (nothing to do by hand; {@code DANGJIAN_CLASS_SHARING=false} turns it off):
 * <ol>
 *   <li>The jar is unpacked once into Spring Boot's extracted layout ({@code java -Djarmode=tools -jar app.jar extract}:
 *       the application's classes in a jar, its libraries beside it in {@code lib/}); class data sharing works with
 *       plain jars on the class path, not with the classes nested in a Boot jar. The layout lives beside the built jar
 *       ({@code <module>/target/cds/<jar>-<size>-<CRC-32C>-<java version>/}), so a changed jar or another JDK gets a
 *       new one and the old one is removed.</li>
 *   <li>Without an archive, the application runs from the extracted layout with {@code -XX:ArchiveClassesAtExit}: when
 *       it stops gracefully, the JVM writes the classes it loaded to a file, which the launcher then keeps as the
 *       archive (only after a graceful exit: a JVM killed while writing leaves nothing half-written in use).</li>
 *   <li>With an archive, it runs with {@code -XX:SharedArchiveFile}. A JVM that cannot use the archive (another
 *       JDK build, a changed jar) runs without it: sharing only ever makes a start faster, never fails it.</li>
 * </ol>
 * Anything that goes wrong on the way (a read-only {@code target/}, an extraction that fails) leaves the application
 * running from its jar as before, and says so once.
 */
final class ClassDataSharing {

    static final String VARIABLE = "DANGJIAN_CLASS_SHARING";
    private static final String ARCHIVE = "classes.jsa";
    /** The JVM's notes about classes it leaves out of an archive (generated, old or JFR classes) are not worth a log line. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final boolean enabled;
    private final Consumer<String> say;

    ClassDataSharing(boolean enabled, Consumer<String> say) {
        this.enabled = enabled;
        this.say = say;
    }

    /**
     * How one application runs: the jar to start and the JVM options for sharing; {@link #afterGracefulExit()} keeps
     * the archive the JVM wrote.
     *
     * @param archiving where the JVM writes its archive at exit (null: it reads one, or sharing is off)
     */
    record Launch(Path jar, List<String> options, Path archiving, Path archive) {

        /** Whether this start writes an archive for the next one. */
        boolean archives() {
            return archiving != null;
        }

        /** After the JVM exited gracefully: its archive becomes the one the next start reads. */
        void afterGracefulExit() {
            if (archiving == null) {
                return;
            }
            try {
                if (Files.isRegularFile(archiving) && Files.size(archiving) > 0) {
                    Files.move(archiving, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                // the next start writes one again
            } finally {
                deleteQuietly(archiving);
            }
        }

        /** After the JVM was killed: what it may have begun to write is not an archive. */
        void afterKill() {
            if (archiving != null) {
                deleteQuietly(archiving);
            }
        }
    }

    /** How to start the application built as {@code jar}. */
    Launch prepare(String name, Path jar) {
        if (!enabled) {
            return new Launch(jar, List.of(), null, null);
        }
        try {
            Path cache = jar.toAbsolutePath().getParent().resolve("cds");
            String base = jar.getFileName().toString().replaceAll("\\.jar$", "");
            String key = (base + "-" + Files.size(jar) + "-" + checksum(jar) + "-" + Runtime.version()).replaceAll("[^A-Za-z0-9._-]", "_");
            Path layout = cache.resolve(key);
            if (!Files.isDirectory(layout)) {
                extract(jar, cache, layout);
                removeOtherLayouts(cache, base, key);
            }
            Path extracted = layout.resolve("app").resolve(jar.getFileName());
            if (!Files.isRegularFile(extracted)) {
                throw new IOException("the extracted layout " + layout + " holds no " + jar.getFileName());
            }
            Path archive = layout.resolve(ARCHIVE);
            List<String> options = new ArrayList<>();
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                options.add("-XX:SharedArchiveFile=" + archive);
                options.addAll(QUIET);
                return new Launch(extracted, options, null, archive);
            }
            Path archiving = layout.resolve("classes-" + UUID.randomUUID() + ".jsa.part");
            options.add("-XX:ArchiveClassesAtExit=" + archiving);
            options.addAll(QUIET);
            return new Launch(extracted, options, archiving, archive);
        } catch (IOException | RuntimeException e) {
            say.accept(name + " starts from its jar without class data sharing (" + e.getMessage() + ")");
            return new Launch(jar, List.of(), null, null);
        }
    }

    /**
     * The jar's content as a CRC-32C (tens of milliseconds for a service's jar): Spring Boot writes its jars
     * reproducibly, so a build that changed nothing keeps its layout and archive, and any change gets new ones.
     */
    private static String checksum(Path jar) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(jar)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        }
        return Long.toHexString(crc.getValue());
    }

    /** Unpacks the jar into the extracted layout, in a directory of its own first, so that a layout is whole or absent. */
    private static void extract(Path jar, Path cache, Path layout) throws IOException {
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, layout.getFileName() + ".extracting-");
        try {
            Path log = staging.resolve("extract.log");
            Process tools = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools", "-jar",
                    jar.toAbsolutePath().toString(), "extract", "--destination", staging.resolve("app").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!tools.waitFor(2, TimeUnit.MINUTES)) {
                tools.destroyForcibly();
                throw new IOException("extracting " + jar.getFileName() + " took over 2 minutes");
            }
            if (tools.exitValue() != 0) {
                throw new IOException("extracting " + jar.getFileName() + " failed: " + Files.readString(log).strip());
            }
            try {
                Files.move(staging, layout, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(layout)) {
                    throw e;
                }
                // another launcher extracted the same jar meanwhile: use its layout
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar.getFileName());
        } finally {
            if (Files.exists(staging)) {
                FileTrees.deleteQuietly(staging);
            }
        }
    }

    /** Layouts of earlier builds of the same jar (or for another JDK) are removed: they would never be used again. */
    private static void removeOtherLayouts(Path cache, String base, String key) {
        try (DirectoryStream<Path> layouts = Files.newDirectoryStream(cache, base + "-*")) {
            for (Path other : layouts) {
                String name = other.getFileName().toString();
                if (!name.equals(key) && !name.contains(".extracting-")) {
                    FileTrees.deleteQuietly(other);
                }
            }
        } catch (IOException e) {
            // an old layout left behind costs disk space only
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
