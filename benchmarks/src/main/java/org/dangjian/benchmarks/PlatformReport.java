package org.dangjian.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.dangjian.benchmarks.ResultsFile.Row;
import org.dangjian.benchmarks.ResultsFile.Table;

/** The figures of a {@code --mode=platform} run, collected as it goes, written as {@code <date>-<commit>-platform.md}. */
final class PlatformReport {

    static final String SUFFIX = "-platform.md";

    /**
     * One recovery from {@code kill -9}.
     *
     * @param answered  establishments answered before the kill: the units that must show afterwards
     * @param cutOff    commands the kill cut off (sent, no answer: in doubt)
     * @param toReady   the restart, from starting the launcher to its ready banner
     * @param lastShown from ready until the last answered unit that showed did (queried with its minSequence)
     * @param recovered from ready until every answered unit was read (shown, or given up on) and then every consumer
     *                  group's committed lag was 0
     * @param reads     429 and 503 answers to those queries
     * @param notFound  answered units the service did not find (404): their establishment was lost
     * @param notShown  answered units still not shown {@link PlatformBenchmark#SHOW_PATIENCE} after ready
     * @param refused   answered units whose query was refused otherwise (e.g. READ_MODEL_PARKED)
     * @param prefilled events added to the store before this run (0: none)
     */
    record Recovery(String label, long storeEvents, long answered, long cutOff, Duration toReady, Duration lastShown, Duration recovered,
                    AnswerCounts reads, long notFound, long notShown, long refused, long prefilled, Duration prefillTook) {

        Recovery withPrefill(long added, Duration took) {
            return new Recovery(label, storeEvents, answered, cutOff, toReady, lastShown, recovered, reads, notFound, notShown, refused, added,
                    took);
        }
    }

    private final PlatformOptions options;
    private final String commit = Commit.current();
    private final ResultsFile file;
    private final List<Row> startup = new ArrayList<>();
    private final List<Recovery> recoveries = new ArrayList<>();
    private final Map<String, Runnable> sections = new LinkedHashMap<>();
    private final List<String> unexpected = new ArrayList<>();

    PlatformReport(PlatformOptions options) {
        this.options = options;
        this.file = new ResultsFile("Platform benchmark (--mode=platform), " + LocalDate.now());
    }

    void machine() {
        file.fact("command: `" + options.commandLine() + "`");
        file.fact("commit `" + commit + "`; " + options.clients() + " concurrent clients; " + String.format("%,d", options.commands())
                + " commands per phase (gateway, direct) in " + PlatformOptions.ROUNDS + " alternating rounds each, after a warm-up of both");
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        file.fact(String.format("machine: %d cores (%s), %,d MB memory, %s %s; Java %s (%s) for the platform and the benchmark's clients",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name")));
        file.fact("the platform as `./run.sh` starts it: `java " + String.join(" ", PlatformProcess.LAUNCHER_JVM_OPTIONS)
                + " -jar infra/launcher/target/launcher-*-exec.jar --data-dir=" + options.dataDir()
                + "` (a fresh directory), demo mode and demo tree on; the benchmark's clients run in their own JVM on the same machine");
    }

    /** Each JVM's options as it runs (the recording option of {@code --profile} left out). */
    void childJvmFlags(List<PlatformProcess.Jvm> jvms) {
        List<String> each = new java.util.ArrayList<>();
        for (PlatformProcess.Jvm jvm : jvms) {
            String[] arguments = jvm.process().info().arguments().orElse(new String[0]);
            List<String> flags = Arrays.stream(arguments).takeWhile(a -> !a.equals("-jar"))
                    .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-Xlog:cds"))
                    .map(PlatformReport::withoutArchivePath).toList();
            each.add(jvm.name() + ": `" + String.join(" ", flags) + "`");
        }
        file.fact("JVM options as the launcher and `run.sh` give them: " + String.join("; ", each));
    }

    /** A class-data archive option names what it does, not where the file is (the launcher's ClassDataSharing). */
    private static String withoutArchivePath(String option) {
        if (option.startsWith("-XX:SharedArchiveFile=")) {
            return "-XX:SharedArchiveFile=<its archive>";
        }
        return option.startsWith("-XX:ArchiveClassesAtExit=") ? "-XX:ArchiveClassesAtExit=<writes its archive at a graceful stop>" : option;
    }

    void tokens(PlatformTokens tokens) {
        file.fact("tokens as `infra/scripts/token.sh` gets them; the clients take the COMMITTEE_STAFF subjects in turn: "
                + String.join(", ", tokens.staff().stream().map(PlatformTokens.Staff::subject).toList())
                + " (all demo mode has); the gateway's rate limit keys on the subject (docs/gateway.md: 1,000 requests, 500 a second back)");
    }

    void startup(String what, Duration took) {
        startup.add(Row.of(what, seconds(took)));
    }

    void stop(String when, Duration took) {
        startup.add(Row.of("graceful stop " + when + " (SIGTERM to the launcher) → every JVM gone", seconds(took)));
    }

    void memory(List<PlatformProcess.Memory> atReady, List<PlatformProcess.Memory> afterLoad) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        atReady.forEach(m -> rows.computeIfAbsent(m.name(), n -> new String[] {"–", "–"})[0] = megabytes(m.residentKb()));
        afterLoad.forEach(m -> rows.computeIfAbsent(m.name(), n -> new String[] {"–", "–"})[1] = megabytes(m.residentKb()));
        List<Row> table = new ArrayList<>();
        rows.forEach((name, values) -> table.add(Row.of(name, values)));
        table.add(Row.of("all JVMs of the platform", megabytes(atReady.stream().mapToLong(PlatformProcess.Memory::residentKb).sum()),
                megabytes(afterLoad.stream().mapToLong(PlatformProcess.Memory::residentKb).sum())));
        sections.put("memory", () -> file.section("Resident memory (ps -o rss), every JVM of the platform",
                "At the ready banner, and after the gateway and direct phases (before the replay).",
                new Table("JVM", List.of("at ready MB", "after the load MB"), table)));
    }

    void phases(List<UnitLoad.Result> gatewayRounds, List<UnitLoad.Result> directRounds) {
        UnitLoad.Result gateway = UnitLoad.Result.combined(gatewayRounds);
        UnitLoad.Result direct = UnitLoad.Result.combined(directRounds);
        List<Row> commands = new ArrayList<>();
        for (int i = 0; i < gatewayRounds.size(); i++) {
            commands.add(commandRow("gateway, round " + (i + 1), gatewayRounds.get(i)));
            commands.add(commandRow("direct, round " + (i + 1), directRounds.get(i)));
        }
        commands.add(commandRow("**gateway**, all rounds", gateway));
        commands.add(commandRow("**direct**, all rounds", direct));
        commands.add(Row.of("gateway ÷ direct (commands/s); gateway − direct (latency)", "", ratio(gateway.commands().perSecond(),
                direct.commands().perSecond()), added(gateway.commands(), direct.commands(), Measurements::p50Millis),
                added(gateway.commands(), direct.commands(), Measurements::p99Millis), "", "", "", ""));
        List<Row> reads = List.of(readRow("**gateway**, all rounds", gateway), readRow("**direct**, all rounds", direct),
                Row.of("gateway − direct", added(gateway.answerToShown(), direct.answerToShown(), Measurements::p50Millis),
                        added(gateway.answerToShown(), direct.answerToShown(), Measurements::p99Millis), "",
                        added(gateway.sendToShown(), direct.sendToShown(), Measurements::p50Millis),
                        added(gateway.sendToShown(), direct.sendToShown(), Measurements::p99Millis), ""));
        sections.put("commands", () -> file.section("Commands through the gateway and straight to the service", """
                Each client establishes a committee of its own (not measured), then branches under it, one at a time; each answer \
                is followed by reading the branch with `minSequence` until it shows (as the web client does), so a client's pace \
                includes its read. Command latency: from sending the establishment to its 201, including any wait after a 429 or \
                503 (`Retry-After` honoured, same `Idempotency-Key`). Gateway: `%s`; direct: `%s` (the service's own port, \
                loopback), same tokens. 429 and 503 count every such answer, to commands and to reads."""
                .formatted(options.gatewayUrl() + "/api/organisation/units", "http://127.0.0.1:<registry port>/units"),
                new Table("path", List.of("commands", "commands/s", "p50 ms", "p99 ms", "max ms", "429 (cmd / read)", "503 (cmd / read)", "other errors"),
                        commands)));
        sections.put("reads", () -> file.section("Read your writes: until the read model shows the new unit",
                "Answer → shown: from the command's 201 to the query with `minSequence` answering 200. Send → shown: from sending the command.",
                new Table("path", List.of("answer → shown p50 ms", "p99 ms", "max ms", "send → shown p50 ms", "p99 ms", "max ms"), reads)));
        gateway.counts().firstErrors().forEach(e -> unexpected.add("gateway phase: " + e));
        direct.counts().firstErrors().forEach(e -> unexpected.add("direct phase: " + e));
    }

    void members(UnitLoad.Result result) {
        sections.put("members", () -> file.section("A members command through the gateway", """
                Each client records applications for party membership (入党申请, `POST %s`, one event in a new member's record) \
                to the demo's first branch, one at a time, each answer followed by reading the member with `minSequence` until \
                it shows (`GET /api/members/members/{id}?minSequence=0`). Latencies as above.""".formatted(options.gatewayUrl() + "/api/members/members"),
                new Table("path", List.of("commands", "commands/s", "p50 ms", "p99 ms", "max ms", "answer → shown p50 ms", "p99 ms",
                        "429 (cmd / read)", "503 (cmd / read)", "other errors"), List.of(membersRow(result)))));
        result.counts().firstErrors().forEach(e -> unexpected.add("members phase: " + e));
    }

    private static Row membersRow(UnitLoad.Result result) {
        Measurements m = result.commands();
        List<String> values = new ArrayList<>(List.of(Long.toString(m.count()), String.format("%.1f", m.perSecond()), millis(m.p50Millis()),
                millis(m.p99Millis()), millis(m.maxMillis()), millis(result.answerToShown().p50Millis()), millis(result.answerToShown().p99Millis())));
        values.addAll(result.counts().columns());
        return new Row("gateway", values);
    }

    private static Row commandRow(String label, UnitLoad.Result result) {
        Measurements m = result.commands();
        List<String> values = new ArrayList<>(List.of(Long.toString(m.count()), String.format("%.1f", m.perSecond()), millis(m.p50Millis()),
                millis(m.p99Millis()), millis(m.maxMillis())));
        values.addAll(result.counts().columns());
        return new Row(label, values);
    }

    private static Row readRow(String label, UnitLoad.Result result) {
        return Row.of(label, millis(result.answerToShown().p50Millis()), millis(result.answerToShown().p99Millis()),
                millis(result.answerToShown().maxMillis()), millis(result.sendToShown().p50Millis()), millis(result.sendToShown().p99Millis()),
                millis(result.sendToShown().maxMillis()));
    }

    void lag(Map<String, LagSampler> byPhase) {
        List<Row> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String phase : List.of("gateway", "direct")) {
            LagSampler sampler = byPhase.get(phase);
            sampler.byModel().forEach((model, lags) -> rows.add(Row.of(phase + " · " + model, Long.toString(lags.reported().samples()),
                    Long.toString(lags.reported().p99()), Long.toString(lags.reported().max()), Long.toString(lags.committed().p99()),
                    Long.toString(lags.committed().max()))));
            if (sampler.failedSamples() > 0) {
                failures.add(phase + ": " + sampler.failedSamples() + " samples failed");
            }
        }
        sections.put("lag", () -> file.section("Read-model lag under load", """
                Events behind, sampled every %d ms during the measured rounds, two ways: as the service reports it \
                (`/actuator/readmodels` with a PLATFORM_OPERATOR token: the consumer's lag after its last poll, the \
                `dangjian_readmodel_lag` gauge), and from the broker (end offsets minus the model's consumer group's \
                committed offsets: events not yet handled and committed, so it includes the batch being applied). %s"""
                .formatted(LagSampler.INTERVAL_MILLIS, String.join("; ", failures)),
                new Table("phase · read model", List.of("samples", "reported p99", "reported max", "committed p99", "committed max"), rows)));
    }

    void replay(String topic, TopicReader.Consumed raw, Map<String, Duration> rebuilt) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("plain KafkaConsumer from offset 0 (assigned, no group)", String.format("%,d", raw.records()), seconds(raw.took()),
                String.format("%.0f", raw.perSecond()), "100 %"));
        rebuilt.forEach((model, took) -> {
            double perSecond = TopicReader.Consumed.perSecond(raw.records(), took);
            rows.add(Row.of("rebuild " + model, String.format("%,d", raw.records()), seconds(took), String.format("%.0f", perSecond),
                    String.format("%.1f %%", 100 * perSecond / raw.perSecond())));
        });
        sections.put("replay", () -> file.section("Replay: rebuilding each read model against a raw read of its topic", """
                After the load, with nothing else running: `%s` read from offset 0 by a plain consumer (`read_committed`, as the \
                services read), then each read model rebuilt in turn (`POST /actuator/readmodels/{name}`), timed from the request \
                until the model has read past every record (its applied, ignored and duplicate counters in `/actuator/prometheus`) \
                and its lag is 0.""".formatted(topic), new Table("what", List.of("events", "seconds", "events/s", "% of raw"), rows)));
    }

    /** The audit service's replay of its whole witnessed record, or why there is none. */
    void auditReplay(tools.jackson.databind.JsonNode replay, String failure) {
        if (failure != null) {
            unexpected.add("audit replay: " + failure);
            return;
        }
        long rate = replay.path("ratePerSecond").asLong();
        long raw = replay.path("rawRatePerSecond").asLong();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("raw read of the same records (the service's plain consumer, nothing handled)", String.format("%,d",
                replay.path("eventsReplayed").asLong()), String.format("%.1f", replay.path("rawMillis").asLong() / 1000.0),
                Long.toString(raw), "100 %"));
        rows.add(Row.of("audit replay into a ledger beside the live one, then compared (identical: " + replay.path("identical").asBoolean() + ")",
                String.format("%,d", replay.path("eventsReplayed").asLong()), String.format("%.1f", replay.path("millis").asLong() / 1000.0),
                Long.toString(rate), raw == 0 ? "" : String.format("%.1f %%", 100.0 * rate / raw)));
        sections.put("audit-replay", () -> file.section("Audit replay: the whole witnessed record from offset 0", """
                After the load: an auditor's `POST /api/audit/replays` through the gateway; the audit service reads every other                 service's topics from offset 0 to where they ended, records them into a ledger of its own, compares it with the                 live one, then reads the same records once more without handling them (docs/audit.md). Its own figures.""",
                new Table("what", List.of("records", "seconds", "records/s", "% of raw"), rows)));
    }

    void recovery(Recovery recovery) {
        recoveries.add(recovery);
        recovery.reads().firstErrors().forEach(e -> unexpected.add("after the kill (" + recovery.label() + "): " + e));
        sections.putIfAbsent("recovery", () -> {
            List<Row> rows = new ArrayList<>();
            rows.add(row("events in the store at the kill", r -> String.format("%,d", r.storeEvents())));
            rows.add(row("prefill before the load (events, time)", r -> r.prefilled() == 0 ? "none"
                    : String.format("%,d in %s", r.prefilled(), seconds(r.prefillTook()))));
            rows.add(row("establishments answered before the kill (units to find)", r -> Long.toString(r.answered())));
            rows.add(row("commands cut off by the kill (no answer)", r -> Long.toString(r.cutOff())));
            rows.add(row("restart: process start → ready", r -> seconds(r.toReady())));
            rows.add(row("ready → the last answered unit shows (of those that show)", r -> seconds(r.lastShown())));
            rows.add(row("ready → every answered unit read (shown or given up on), then no consumer group lags", r -> seconds(r.recovered())));
            rows.add(row("those reads: 503 / 429 answers", r -> r.reads().unavailable() + " / " + r.reads().tooManyRequests()));
            rows.add(row("**answered units not found (404): lost**", r -> Long.toString(r.notFound())));
            rows.add(row("answered units not shown " + PlatformBenchmark.SHOW_PATIENCE.toMinutes() + " min after ready",
                    r -> Long.toString(r.notShown())));
            rows.add(row("answered units whose read was refused otherwise (e.g. READ_MODEL_PARKED)", r -> Long.toString(r.refused())));
            file.section("Recovery from kill -9 of the whole platform", """
                    %d clients establish branches through the gateway (as above); after %s every JVM of the platform (the launcher \
                    with Kafka and MongoDB, and each child) gets SIGKILL at once. The launcher is started again on the same data \
                    directory; from its ready banner, every unit whose establishment was answered is read with its `minSequence` \
                    (straight at the service, %d at a time) until it shows (given up on %d min after ready), then the consumer \
                    groups' committed offsets are read from the broker until none lags.""".formatted(options.clients(),
                    PlatformBenchmark.RECOVERY_LOAD.toSeconds() + " s", options.clients(), PlatformBenchmark.SHOW_PATIENCE.toMinutes()),
                    new Table("what", recoveries.stream().map(Recovery::label).toList(), rows));
        });
    }

    private Row row(String label, Function<Recovery, String> value) {
        return new Row(label, recoveries.stream().map(value).toList());
    }

    void profile(Map<String, JfrSummary> byJvm) {
        sections.put("profile", () -> byJvm.forEach((jvm, summary) -> {
            if (summary.samples() == 0) {
                file.section("CPU profile: " + jvm, "No execution samples during the measured rounds and the replay: it was idle.", null);
                return;
            }
            List<Row> frames = summary.topFrames().stream().map(e -> Row.of("`" + e.getKey() + "`", Long.toString(e.getValue()),
                    share(e.getValue(), summary.samples()))).toList();
            List<Row> packages = summary.topPackages().stream().map(e -> Row.of("`" + e.getKey() + "`", Long.toString(e.getValue()),
                    share(e.getValue(), summary.samples()))).toList();
            file.section("CPU profile: " + jvm + ", top frames", String.format("""
                    JFR (`settings=profile`, `JAVA_TOOL_OPTIONS` given to the launcher, so every JVM records): %,d execution samples \
                    during the measured rounds and the replay (start-up and warm-up left out), by the method on top of the stack \
                    (self time).""", summary.samples()), new Table("method", List.of("samples", "share"), frames));
            file.section("CPU profile: " + jvm + ", by package", null, new Table("package of the top frame", List.of("samples", "share"), packages));
        }));
    }

    void logs(LogFindings findings) {
        List<Row> rows = new ArrayList<>();
        findings.counts().forEach((log, counts) -> rows.add(Row.of(log, Long.toString(counts[0]), Long.toString(counts[1]))));
        StringBuilder text = new StringBuilder("Lines at ERROR and WARN in `<data-dir>/logs/*.log` over the whole run (the kills included).");
        if (!findings.messages().isEmpty()) {
            text.append(" The most frequent (ids and numbers blanked):\n");
            findings.messages().forEach(e -> text.append("\n- ").append(e.getValue()).append("× `").append(e.getKey().replace("`", "'")).append('`'));
        }
        sections.put("logs", () -> file.section("Warnings and errors in the applications' logs", text.toString(),
                new Table("log", List.of("ERROR lines", "WARN lines"), rows)));
    }

    /** Writes the results file (with the newest earlier one beside it) and prints it. */
    void write() throws IOException {
        file.section("Start-up and stop", "From starting `java -jar` to the launcher's \"dangjian is ready\" banner (every JVM ready, the "
                + "demo tree loaded); the stop from SIGTERM to the launcher until it exited.", new Table("what", List.of("seconds"), startup));
        if (!unexpected.isEmpty()) {
            sections.put("errors", () -> file.section("Unexpected answers (the first few of each phase)", "- `"
                    + String.join("`\n- `", unexpected.stream().map(e -> e.replace("`", "'")).toList()) + "`", null));
        }
        for (String section : List.of("memory", "commands", "reads", "members", "lag", "replay", "audit-replay", "recovery", "errors", "profile", "logs")) {
            sections.getOrDefault(section, () -> { }).run();
        }
        Optional<ResultsFile.Earlier> earlier = ResultsFile.newest(options.results(), SUFFIX);
        String text = file.render(earlier);
        Files.createDirectories(options.results());
        Path written = options.results().resolve(LocalDate.now() + "-" + commit + SUFFIX);
        Files.writeString(written, text, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(text);
        System.out.println("Written to " + written + " at " + Instant.now());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.replaceFirst("^model name\\s*:\\s*", "")).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.1f", d.toMillis() / 1000.0);
    }

    private static String millis(double ms) {
        return String.format("%.1f", ms);
    }

    private static String megabytes(long kb) {
        return String.format("%,d", Math.round(kb / 1024.0));
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "–" : String.format("%.2f×", a / b);
    }

    private static String added(Measurements a, Measurements b, ToDoubleFunction<Measurements> figure) {
        return String.format("%+.1f", figure.applyAsDouble(a) - figure.applyAsDouble(b));
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "–" : String.format("%.1f %%", 100.0 * part / whole);
    }
}
