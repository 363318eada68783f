package org.dangjian.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dangjian.benchmarks.ResultsFile.Row;
import org.dangjian.benchmarks.ResultsFile.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    private static ResultsFile run(String commandsPerSecond, String p50) {
        ResultsFile file = new ResultsFile("Platform benchmark");
        file.fact("commit `abc`");
        file.section("Commands", "Some text.", new Table("path", List.of("commands/s", "p50 ms"),
                List.of(Row.of("gateway", commandsPerSecond, p50), Row.of("direct | loopback", "30", "50"))));
        file.section("Notes only", "No table here.", null);
        return file;
    }

    @Test
    void aTableReadsBackAsItsOwnFigures() {
        String markdown = run("15.2", "120.5").render(Optional.empty());

        assertThat(markdown).contains("| path | commands/s | p50 ms |", "| gateway | 15.2 | 120.5 |", "| direct \\| loopback | 30 | 50 |");
        assertThat(ResultsFile.tables(markdown).get("Commands"))
                .containsEntry("gateway", List.of("15.2", "120.5"))
                .containsEntry("direct | loopback", List.of("30", "50"));
    }

    @Test
    void theEarlierRunStandsBesideAndOnlyItsOwnColumnsAreReadBack() {
        ResultsFile.Earlier first = new ResultsFile.Earlier("2026-11-27-aaa-platform.md",
                ResultsFile.tables(run("10.0", "200.0").render(Optional.empty())));
        String second = run("15.2", "120.5").render(Optional.of(first));

        assertThat(second).contains("| path | commands/s | p50 ms | prev 2026-11-27-aaa: commands/s | prev: p50 ms |",
                "| gateway | 15.2 | 120.5 | 10.0 | 200.0 |");
        // a third run reads the second's figures, not the first's beside them
        assertThat(ResultsFile.tables(second).get("Commands")).containsEntry("gateway", List.of("15.2", "120.5"));
    }

    @Test
    void aRowTheEarlierRunDidNotHaveGetsDashes() {
        ResultsFile.Earlier earlier = new ResultsFile.Earlier("old-platform.md", java.util.Map.of());
        assertThat(run("1", "2").render(Optional.of(earlier))).contains("| gateway | 1 | 2 | – | – |");
    }

    @Test
    void theNewestEarlierFileIsFoundByDate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2026-11-27-bbb-platform.md"), run("7", "8").render(Optional.empty()));
        Files.writeString(dir.resolve("2026-11-28-ccc-platform.md"), run("9", "10").render(Optional.empty()));
        Files.writeString(dir.resolve("2026-11-29-ddd.md"), run("1", "1").render(Optional.empty())); // another kind of results

        ResultsFile.Earlier newest = ResultsFile.newest(dir, "-platform.md").orElseThrow();

        assertThat(newest.name()).isEqualTo("2026-11-28-ccc-platform.md");
        assertThat(newest.tables().get("Commands")).containsEntry("gateway", List.of("9", "10"));
    }
}
