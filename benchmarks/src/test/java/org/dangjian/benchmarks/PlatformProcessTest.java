package org.dangjian.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PlatformProcessTest {

    /** The benchmark measures the platform as users run it: with the launcher JVM's options of ./run.sh. */
    @Test
    void theLauncherGetsTheJvmOptionsRunShGivesIt() throws IOException {
        String runSh = Files.readString(Path.of("..", "run.sh"));
        assertThat(runSh).contains("exec java " + String.join(" ", PlatformProcess.LAUNCHER_JVM_OPTIONS) + " -jar \"$jar\"");
    }
}
