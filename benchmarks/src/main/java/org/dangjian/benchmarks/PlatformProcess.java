package org.dangjian.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The platform as a user runs it: {@code java -Xms128m -Xmx1g -jar infra/launcher/target/launcher-*-exec.jar --data-dir=...}, its
 * output copied to a log file and watched for the launcher's "dangjian is ready" banner. The launcher starts every
 * other JVM (identity provider, gateway, services) as its child; {@link #jvms()} finds them as its descendants.
 */
final class PlatformProcess {

    private static final String READY = "dangjian is ready";

    /** One JVM of the platform: its process and which application it runs. */
    record Jvm(ProcessHandle process, String name) {
        long pid() {
            return process.pid();
        }
    }

    /** A JVM's resident memory. */
    record Memory(String name, long pid, long residentKb) {
    }

    private final Process launcher;
    private final long startedNanos;
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final List<String> lastLines = new ArrayList<>();

    private PlatformProcess(Process launcher, long startedNanos, Path log) {
        this.launcher = launcher;
        this.startedNanos = startedNanos;
        Thread copier = new Thread(() -> copyOutput(log), "platform-output");
        copier.setDaemon(true);
        copier.start();
    }

    /** The launcher JVM's own options, exactly as {@code ./run.sh} gives them (a test holds the two together). */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-Xms128m", "-Xmx1g");

    /**
     * Starts the launcher with this JVM's {@code java}, in the current directory (the checkout), with exactly
     * {@code environment} (the launcher passes it on to its children).
     */
    static PlatformProcess start(Path launcherJar, Path dataDir, Map<String, String> environment, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LAUNCHER_JVM_OPTIONS);
        command.addAll(List.of("-jar", launcherJar.toString(), "--data-dir=" + dataDir));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        long began = System.nanoTime();
        return new PlatformProcess(builder.start(), began, log);
    }

    /** The launcher's jar, built by {@code ./mvnw -DskipTests package}. */
    static Path launcherJar() throws IOException {
        Path target = Path.of("infra", "launcher", "target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                List<Path> jars = files.filter(p -> p.getFileName().toString().matches("launcher-.*-exec\\.jar")).toList();
                if (!jars.isEmpty()) {
                    return jars.get(0);
                }
            }
        }
        throw new IllegalStateException("No launcher jar in " + target.toAbsolutePath() + ": build the platform first with "
                + "./mvnw -o -q -DskipTests package (benchmarks/run.sh does), and run from the checkout's root");
    }

    /** Waits for the ready banner; returns the time from starting the process to it. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        try {
            return Duration.ofNanos(ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS) - startedNanos);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The platform stopped before it was ready; its last lines:" + System.lineSeparator() + tail(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The platform was not ready after " + timeout.toSeconds() + " s; its last lines:"
                    + System.lineSeparator() + tail());
        }
    }

    /** When the ready banner came ({@link System#nanoTime()}); call after {@link #awaitReady}. */
    long readyNanos() {
        return ready.join();
    }

    boolean isAlive() {
        return launcher.isAlive();
    }

    /** The launcher and every JVM it started, named by the application jar each runs. */
    List<Jvm> jvms() {
        List<Jvm> jvms = new ArrayList<>();
        jvms.add(new Jvm(launcher.toHandle(), "launcher (Kafka, MongoDB)"));
        launcher.toHandle().descendants().forEach(child -> jvms.add(new Jvm(child, applicationOf(child))));
        return jvms;
    }

    /** Each JVM's resident set size, as {@code ps -o rss} reports it. */
    List<Memory> residentMemory() throws IOException, InterruptedException {
        List<Memory> memory = new ArrayList<>();
        for (Jvm jvm : jvms()) {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(jvm.pid())).redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (ps.waitFor() == 0 && out.matches("\\d+")) {
                memory.add(new Memory(jvm.name(), jvm.pid(), Long.parseLong(out)));
            }
        }
        return memory;
    }

    /**
     * {@code kill -9} of the whole platform, as a power cut would leave it: every child JVM and the launcher at once,
     * nothing flushed, no shutdown hook. Returns once all are gone.
     */
    void kill() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(launcher.toHandle().descendants().toList());
        all.add(launcher.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("process " + process.pid() + " did not die on SIGKILL", e);
            }
        }
    }

    /**
     * Stops it as Ctrl-C does (SIGTERM to the launcher, which stops its children gracefully, then the broker and the
     * Mongo server); after {@code grace}, kills whatever is left. Returns how long the graceful stop took.
     */
    Duration stop(Duration grace) throws InterruptedException {
        List<ProcessHandle> children = launcher.toHandle().descendants().toList();
        long began = System.nanoTime();
        launcher.destroy();
        boolean stopped = launcher.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        if (!stopped || children.stream().anyMatch(ProcessHandle::isAlive)) {
            System.err.println("the platform did not stop within " + grace.toSeconds() + " s: killing what is left");
            children.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return took;
    }

    /** The application a child JVM runs: its {@code *-exec.jar} without version and suffix. */
    private static String applicationOf(ProcessHandle process) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (String argument : arguments) {
            String file = Path.of(argument).getFileName() == null ? argument : Path.of(argument).getFileName().toString();
            if (file.endsWith("-exec.jar")) {
                return file.replaceFirst("-\\d[^-]*(-SNAPSHOT)?-exec\\.jar$", "");
            }
        }
        return "pid " + process.pid();
    }

    private void copyOutput(Path log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND), true)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                out.println(line);
                synchronized (lastLines) {
                    lastLines.add(line);
                    if (lastLines.size() > 40) {
                        lastLines.remove(0);
                    }
                }
                if (line.contains(READY)) {
                    ready.complete(now);
                }
            }
        } catch (IOException e) {
            // the process went away; what it said is in the log
        }
        ready.completeExceptionally(new IllegalStateException("the launcher exited (status " + exitStatus() + ")"));
    }

    private String exitStatus() {
        try {
            return launcher.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(launcher.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String tail() {
        synchronized (lastLines) {
            return String.join(System.lineSeparator(), lastLines);
        }
    }
}
