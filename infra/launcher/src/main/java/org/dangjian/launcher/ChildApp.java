package org.dangjian.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dangjian.registry.ServiceEntry;

/**
 * One of the platform's Spring Boot applications, run as a child JVM from its built jar, its output in a log file.
 * Each runs in a process of its own, as in the real deployment; the launcher owns their lifecycle.
 */
final class ChildApp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    private final List<String> jvmOptions;
    private final ClassDataSharing sharing;
    /** How the running process was started (its class data sharing). */
    private ClassDataSharing.Launch launch;

    ChildApp(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, ClassDataSharing sharing, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.sharing = sharing;
        this.log = log;
    }

    /** The {@code *-exec.jar} built under {@code <home>/<module>/target}. */
    static Path findJar(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*-exec.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No built application in " + target + ": build first with ./mvnw -DskipTests package "
                + "(./run.sh does it for you)");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        launch = sharing.prepare(name, jar);
        command.addAll(launch.options());
        command.addAll(jvmOptions); // after the sharing options: DANGJIAN_JAVA_OPTIONS (-Xshare:off, say) comes last and wins
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-jar", launch.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether {@code /actuator/health/readiness} answers UP. */
    boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ServiceEntry.localUrl(port) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the process at once (SIGKILL: no shutdown hooks, nothing flushed), as a crash would. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            launch.afterKill();
        }
    }

    /** Whether stopping it gracefully also writes its class-data archive (which takes a few seconds more). */
    boolean archivesOnStop() {
        return launch != null && launch.archives();
    }

    /** Asks the application to stop (Spring's graceful shutdown), then insists. */
    void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                launch.afterGracefulExit();
            } else {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                launch.afterKill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            launch.afterKill();
        }
    }

    /** The last lines of the log, to show why it failed. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
