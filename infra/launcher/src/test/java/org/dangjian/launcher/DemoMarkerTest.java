package org.dangjian.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A demo part loaded in full is remembered by the data directory; one never marked is loaded (or resumed) again. */
class DemoMarkerTest {

    @TempDir
    Path dataDir;

    @Test
    void aLoadedPartIsRememberedAcrossStartsAndANewPartIsNot() throws Exception {
        DemoMarker first = new DemoMarker(dataDir);
        assertThat(first.loaded("organisation")).isFalse();
        first.markLoaded("organisation");
        first.markLoaded("members");
        first.markLoaded("members");

        DemoMarker next = new DemoMarker(dataDir);
        assertThat(next.loaded("organisation")).isTrue();
        assertThat(next.loaded("members")).isTrue();
        assertThat(next.loaded("activities")).as("a part this data directory never finished").isFalse();
        assertThat(Files.readAllLines(dataDir.resolve(DemoMarker.FILE))).containsExactly("organisation", "members");

        Files.delete(dataDir.resolve(DemoMarker.FILE));
        assertThat(new DemoMarker(dataDir).loaded("organisation")).as("deleted: every part is looked at again").isFalse();
    }
}
