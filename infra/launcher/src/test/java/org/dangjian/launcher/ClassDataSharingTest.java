package org.dangjian.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class data sharing with a real application jar, the identity provider's (the reactor builds it before the
 * launcher): the first start from the extracted layout writes an archive when it ends, the next start reads it.
 */
class ClassDataSharingTest {

    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();

    /** A copy of the identity provider's built jar (the cache lives beside the jar: here, in the test's directory). */
    private Path applicationJar() throws IOException {
        Path built = ChildApp.findJar(Path.of("..", "..").toAbsolutePath().normalize(), "infra/identity-provider");
        Path jar = dir.resolve("identity-provider-exec.jar");
        Files.copy(built, jar, StandardCopyOption.COPY_ATTRIBUTES);
        return jar;
    }

    @Test
    void theFirstStartWritesAnArchiveAtItsGracefulEndAndTheNextStartMapsIt() throws Exception {
        Path jar = applicationJar();
        ClassDataSharing sharing = new ClassDataSharing(true, said::add);

        ClassDataSharing.Launch first = sharing.prepare("identity-provider", jar);
        assertThat(said).isEmpty();
        assertThat(first.jar()).isNotEqualTo(jar).startsWith(dir.resolve("cds")).exists();
        assertThat(first.jar().resolveSibling("lib")).isDirectoryContaining(path -> path.getFileName().toString().startsWith("spring-core-"));
        assertThat(first.archives()).isTrue();
        assertThat(first.options()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(run(first)).isZero();
        first.afterGracefulExit();
        assertThat(first.archive()).isNotEmptyFile();

        ClassDataSharing.Launch next = sharing.prepare("identity-provider", jar);
        assertThat(next.jar()).isEqualTo(first.jar());
        assertThat(next.archives()).isFalse();
        assertThat(next.options()).contains("-XX:SharedArchiveFile=" + first.archive());
        // -Xshare:on: a JVM that cannot map the archive refuses to start instead of running without it
        assertThat(run(next, "-Xshare:on")).isZero();
        assertThat(said).isEmpty();
    }

    @Test
    void aChangedJarGetsALayoutOfItsOwnAndTheOldOneIsRemoved() throws Exception {
        Path jar = applicationJar();
        ClassDataSharing sharing = new ClassDataSharing(true, said::add);
        Path before = sharing.prepare("identity-provider", jar).jar();

        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(sharing.prepare("identity-provider", jar).jar()).as("a build that changed nothing keeps its layout").isEqualTo(before);
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            Files.writeString(zip.getPath("BOOT-INF", "classes", "changed.txt"), "a change");
        }
        ClassDataSharing.Launch rebuilt = sharing.prepare("identity-provider", jar);

        assertThat(rebuilt.jar()).isNotEqualTo(before).exists();
        assertThat(before).doesNotExist();
        assertThat(rebuilt.archives()).isTrue();
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsItIsAndTheLauncherSaysWhy() throws Exception {
        Path notBoot = dir.resolve("plain.jar");
        Files.write(notBoot, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        ClassDataSharing.Launch launch = new ClassDataSharing(true, said::add).prepare("plain", notBoot);

        assertThat(launch.jar()).isEqualTo(notBoot);
        assertThat(launch.options()).isEmpty();
        assertThat(launch.archives()).isFalse();
        assertThat(said).singleElement().asString().startsWith("plain starts from its jar without class data sharing (extracting plain.jar failed");
        assertThat(dir.resolve("cds")).isEmptyDirectory(); // nothing half-extracted left behind
    }

    @Test
    void switchedOffTheJarRunsAsBuilt() throws Exception {
        Path jar = dir.resolve("any.jar");
        Files.writeString(jar, "not read");
        ClassDataSharing.Launch launch = new ClassDataSharing(false, said::add).prepare("any", jar);

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.options()).isEmpty();
        assertThat(dir.resolve("cds")).doesNotExist();
    }

    @Test
    void whatAKilledJVMBeganToWriteIsNeverKeptAsTheArchive() throws Exception {
        Path part = dir.resolve("classes-1.jsa.part");
        Path archive = dir.resolve("classes.jsa");
        Files.writeString(part, "half an archive");
        new ClassDataSharing.Launch(dir.resolve("app.jar"), List.of(), part, archive).afterKill();

        assertThat(part).doesNotExist();
        assertThat(archive).doesNotExist();
    }

    /** Starts the application until its context is refreshed (then it exits by itself, as after a graceful stop). */
    private int run(ClassDataSharing.Launch launch, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch.options());
        command.addAll(List.of(extra));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.context.exit=onRefresh", "-jar", launch.jar().toString(),
                "--server.port=0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().put("DANGJIAN_DEMO", "true");
        builder.environment().put("DANGJIAN_DATA_DIR", dir.resolve("data").toString()); // its signing key, not in the checkout
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not stop: " + Files.readString(dir.resolve("run.log")));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("the application failed: " + Files.readString(dir.resolve("run.log")));
        }
        return process.exitValue();
    }
}
