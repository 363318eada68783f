package org.dangjian.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import org.dangjian.testsupport.DemoLogin;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.slf4j.LoggerFactory;

/**
 * {@code --mode=platform}: the platform as users run it. Starts the launcher jar ({@code java -jar}, demo mode, a fresh
 * data directory), signs in at its identity provider, and measures: start-up and resident memory of every JVM;
 * establishments with read-your-writes through the gateway and straight to the organisation service, in alternating
 * rounds; the read models' lag meanwhile; the members service's first command (an application for membership)
 * through the gateway; a rebuild of each read model against a plain consumer's read of the topic;
 * recovery after {@code kill -9} of the whole platform under load (again with a bigger store, when asked); optionally
 * a CPU profile of every JVM. Writes {@code benchmarks/results/<date>-<commit>-platform.md}. See benchmarks/README.md.
 */
final class PlatformBenchmark {

    private static final String SERVICE = "organisation";
    /** The demo tree's first branch (launcher DemoOrganisation), which the members service knows once the demo is loaded. */
    private static final String DEMO_BRANCH = "00000000-0000-4000-8000-000000000011";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PORT_PATIENCE = Duration.ofMinutes(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(150); // the first stop after a build also writes the class-data archives
    static final Duration RECOVERY_LOAD = Duration.ofSeconds(8);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);
    /** How long after the restart an answered unit may take to show before it counts as not shown. */
    static final Duration SHOW_PATIENCE = Duration.ofMinutes(2);
    private static final int NOT_SHOWN = -1;

    private final PlatformOptions options;
    private final PlatformPorts ports;
    private final ServiceEntry service = ServiceRegistry.load().find(SERVICE).orElseThrow();
    private final HttpClient http = UnitClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PlatformReport report;
    private final Path profileDir;
    private final Path launcherLogs;

    private volatile PlatformProcess platform;
    private Path launcherJar;
    private int starts;
    private PlatformTokens tokens;
    private Instant signedIn;
    private ServiceOperator operator;

    private PlatformBenchmark(PlatformOptions options) {
        this.options = options;
        this.ports = PlatformPorts.from(System.getenv(), options.gatewayUrl().getPort());
        this.report = new PlatformReport(options);
        this.launcherLogs = options.dataDir().resolveSibling(options.dataDir().getFileName() + "-launcher-logs");
        this.profileDir = options.profile() ? options.dataDir().resolveSibling(options.dataDir().getFileName() + "-profile") : null;
    }

    static void main(List<String> args) {
        quietClientLogs();
        PlatformOptions options;
        try {
            options = PlatformOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(PlatformOptions.USAGE);
            System.exit(2);
            return;
        }
        PlatformBenchmark benchmark = new PlatformBenchmark(options);
        // whatever happens, the platform this run started does not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopIfRunning, "platform-benchmark-stop"));
        int status = 0;
        try {
            benchmark.run();
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("The platform's data and logs are kept in " + options.dataDir() + " and " + benchmark.launcherLogs);
            status = 1;
        }
        System.exit(status);
    }

    /** The Kafka and MongoDB clients of this JVM log every connection at INFO: the benchmark's own output is enough. */
    private static void quietClientLogs() {
        for (String name : List.of("org.apache.kafka", "org.mongodb.driver")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private void run() throws Exception {
        launcherJar = PlatformProcess.launcherJar();
        prepare(options.dataDir());
        prepare(launcherLogs);
        if (profileDir != null) {
            prepare(profileDir);
        }
        report.machine();
        ports.awaitFree(PORT_PATIENCE);

        List<PlatformProcess.Memory> atReady = firstStart();
        Instant measuredFrom = Instant.now();
        gatewayAndDirect();
        members();
        report.memory(atReady, platform.residentMemory());
        replay();
        auditReplay();
        if (profileDir != null) {
            profileAndRestart(measuredFrom, Instant.now());
        }
        recoveries();

        report.stop("at the end", platform.stop(STOP_GRACE));
        platform = null;
        report.logs(LogFindings.in(options.dataDir().resolve("logs"), 8));
        report.write();
        if (!options.keepData()) {
            delete(options.dataDir());
        }
    }

    /** Starts the platform on the empty data directory as a user does, signs in, warms up both paths. */
    private List<PlatformProcess.Memory> firstStart() throws Exception {
        report.startup("first start (empty data directory, demo tree loaded): process start → ready", start(true));
        List<PlatformProcess.Memory> atReady = platform.residentMemory();
        report.childJvmFlags(platform.jvms());
        signIn();
        report.tokens(tokens);
        int warmUp = Math.max(options.clients() * 5, options.commands() / 4);
        load(gatewayBase()).run("warm-up gateway", warmUp);
        load(directBase()).run("warm-up direct", warmUp);
        return atReady;
    }

    /** The same load through the gateway and straight to the service, in alternating rounds, the lag sampled meanwhile. */
    private void gatewayAndDirect() throws Exception {
        try (TopicReader topic = new TopicReader(ports.kafkaBootstrap(), service.topic())) {
            LagSampler gatewayLag = new LagSampler(operator, topic);
            LagSampler directLag = new LagSampler(operator, topic);
            List<UnitLoad.Result> gatewayRounds = new ArrayList<>();
            List<UnitLoad.Result> directRounds = new ArrayList<>();
            int perRound = options.commands() / PlatformOptions.ROUNDS;
            for (int round = 1; round <= PlatformOptions.ROUNDS; round++) {
                String label = ", round " + round;
                gatewayRounds.add(gatewayLag.during(() -> load(gatewayBase()).run("gateway" + label, perRound)));
                directRounds.add(directLag.during(() -> load(directBase()).run("direct" + label, perRound)));
            }
            report.phases(gatewayRounds, directRounds);
            report.lag(Map.of("gateway", gatewayLag, "direct", directLag));
        }
    }

    /**
     * The members service's first command, applications for membership (入党申请) to the demo's first branch, through the
     * gateway, each read back until it shows; after a warm-up, as many commands as a phase of the organisation load.
     */
    private void members() throws Exception {
        String base = options.gatewayUrl() + ServiceRegistry.load().find("members").orElseThrow().apiPrefix();
        UnitLoad load = new UnitLoad((n, counts) -> new UnitClient(http, base, tokens.forClient(n).token(), counts), options.clients(),
                UnitLoad.applications(DEMO_BRANCH));
        load.run("warm-up members", Math.max(options.clients() * 5, options.commands() / 4));
        report.members(load.run("members (applications)", options.commands() / PlatformOptions.ROUNDS * 2));
    }

    /** Stops gracefully (every JVM writes its recording), summarises the recordings, starts again without them. */
    private void profileAndRestart(Instant from, Instant to) throws Exception {
        Map<Long, String> names = new HashMap<>();
        platform.jvms().forEach(jvm -> names.put(jvm.pid(), jvm.name()));
        report.stop("after the replay, recordings written", platform.stop(STOP_GRACE));
        platform = null;
        report.profile(profiles(names, from, to));
        ports.awaitFree(Duration.ofMinutes(1));
        report.startup("restart after a graceful stop (same data directory): process start → ready", start(false));
    }

    /** Recovery from kill -9 under load; again with a store filled to {@code --recovery-store-size}, when asked. */
    private void recoveries() throws Exception {
        EventStorePrefill store = new EventStorePrefill(ports.mongoUri(), SERVICE);
        report.recovery(recovery("as loaded", store));
        if (options.recoveryStoreSize() > 0) {
            // the Mongo server lives in the launcher's JVM: the store is filled through it while the platform runs
            long began = System.nanoTime();
            long added = store.fillTo(options.recoveryStoreSize());
            Duration filled = Duration.ofNanos(System.nanoTime() - began);
            report.recovery(recovery(String.format("store filled to %,d", options.recoveryStoreSize()), store).withPrefill(added, filled));
        }
    }

    private String gatewayBase() {
        return options.gatewayUrl() + service.apiPrefix();
    }

    private String directBase() {
        return ports.serviceUrl(SERVICE);
    }

    /** Starts the launcher (with JFR in every JVM when {@code profiled}) and waits until it is ready. */
    private Duration start(boolean profiled) throws IOException, InterruptedException {
        starts++;
        System.out.printf("starting the platform (%d) with its data in %s%n", starts, options.dataDir());
        platform = PlatformProcess.start(launcherJar, options.dataDir(), launchEnvironment(profiled && profileDir != null),
                launcherLogs.resolve("launcher-" + starts + ".log"));
        Duration ready = platform.awaitReady(READY_TIMEOUT);
        System.out.printf("ready after %.1f s%n", ready.toMillis() / 1000.0);
        return ready;
    }

    /**
     * This process's environment as the launcher's, with the gateway's port from {@code --gateway-url}. Demo mode and
     * the demo tree are the launcher's defaults: a switch left in this shell must not turn them off, so they go.
     */
    private Map<String, String> launchEnvironment(boolean profiled) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        for (String variable : List.of("DANGJIAN_DEMO", "DANGJIAN_DEMO_USERS", "DANGJIAN_DEMO_DATA")) {
            if (environment.remove(variable) != null) {
                System.out.println("note: " + variable + " is set in this shell; the platform runs with the launcher's default instead");
            }
        }
        environment.put("DANGJIAN_GATEWAY_PORT", Integer.toString(ports.gateway()));
        if (profiled) {
            // a directory as the file name: each JVM writes its own hotspot-pid-<pid>-….jfr (JDK 17 does not expand %p)
            String jfr = "-XX:StartFlightRecording=filename=" + profileDir + ",settings=profile,dumponexit=true";
            environment.merge("JAVA_TOOL_OPTIONS", jfr, (mine, added) -> mine + " " + added);
        }
        return environment;
    }

    private UnitLoad load(String base) {
        return new UnitLoad((n, counts) -> new UnitClient(http, base, tokens.forClient(n).token(), counts), options.clients());
    }

    private void replay() throws Exception {
        TopicReader.Consumed raw;
        try (TopicReader topic = new TopicReader(ports.kafkaBootstrap(), service.topic())) {
            raw = topic.consumeAll();
        }
        System.out.printf("raw consume of %s: %,d records in %.1f s (%.0f/s)%n", service.topic(), raw.records(), raw.took().toMillis() / 1000.0,
                raw.perSecond());
        Map<String, Duration> rebuilt = new LinkedHashMap<>();
        for (String model : operator.readModelsOf(service.topic())) {
            long before = operator.handled().getOrDefault(model, 0L);
            long began = System.nanoTime();
            operator.rebuild(model);
            long deadline = began + SETTLE_TIMEOUT.toNanos();
            while (operator.handled().getOrDefault(model, 0L) - before < raw.records() || operator.lags().getOrDefault(model, 0L) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(model + " did not finish its rebuild within " + SETTLE_TIMEOUT.toMinutes() + " min");
                }
                Thread.sleep(LagSampler.INTERVAL_MILLIS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            rebuilt.put(model, took);
            System.out.printf("rebuilt %s: %,d events in %.1f s (%.0f/s)%n", model, raw.records(), took.toMillis() / 1000.0,
                    TopicReader.Consumed.perSecond(raw.records(), took));
        }
        report.replay(service.topic(), raw, rebuilt);
    }

    /**
     * The audit service's replay of the whole witnessed record through the gateway, as an auditor starts it
     * ({@code POST /api/audit/replays}): its rate beside the raw read of the same records, both measured by the service
     * in the same run (docs/audit.md), and whether it came out identical to the live record.
     */
    private void auditReplay() throws Exception {
        String auditor = DemoLogin.accessToken(URI.create(ports.issuer()), "shenji", DemoLogin.DEMO_PASSWORD);
        String base = options.gatewayUrl().toString().replaceAll("/$", "") + "/api/audit/replays";
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + auditor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 201) {
            report.auditReplay(null, "the replay was refused: " + started.statusCode() + " " + started.body());
            return;
        }
        String id = JSON.readTree(started.body()).get("id").asString();
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/" + id)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + auditor).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode replay = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
            if (replay != null && !"RUNNING".equals(replay.path("state").asString())) {
                System.out.printf("audit replay: %s, %s records at %s/s (raw read %s/s), identical %s%n", replay.path("state").asString(),
                        replay.path("eventsReplayed"), replay.path("ratePerSecond"), replay.path("rawRatePerSecond"), replay.path("identical"));
                report.auditReplay(replay, null);
                return;
            }
            Thread.sleep(500);
        }
        report.auditReplay(null, "the replay did not finish within " + SETTLE_TIMEOUT.toMinutes() + " min");
    }

    /**
     * Load through the gateway, {@code kill -9} of every JVM of the platform after {@link #RECOVERY_LOAD}, a restart on
     * the same data directory, then every unit whose establishment was answered read with its {@code minSequence}
     * (straight at the service, as many clients as the load had) until it shows, and the consumer groups' committed lag
     * until it is 0.
     */
    private PlatformReport.Recovery recovery(String label, EventStorePrefill store) throws Exception {
        signInAgainIfOld();
        long storeEvents = store.storedEvents();
        UnitLoad.Result beforeKill = loadThenKill(label, storeEvents);
        ports.awaitFree(Duration.ofMinutes(1));
        Duration toReady = start(false);
        long ready = platform.readyNanos();
        AnswerCounts reads = new AnswerCounts();
        Readback readback = readAll(beforeKill.answered(), reads, ready);
        Duration lastShown = Duration.ofNanos(readback.lastShownNanos() - ready);
        awaitNoLag();
        Duration recovered = Duration.ofNanos(System.nanoTime() - ready);
        Map<Integer, Long> refusals = readback.refusals();
        long notFound = refusals.getOrDefault(404, 0L);
        long notShown = refusals.getOrDefault(NOT_SHOWN, 0L);
        long refused = refusals.values().stream().mapToLong(Long::longValue).sum() - notFound - notShown;
        System.out.printf("recovered (%s): ready after %.1f s; of %d answered units the last shown %.1f s after ready, %d not found, "
                + "%d not shown, %d refused; all read and no lag %.1f s after ready%n", label, toReady.toMillis() / 1000.0,
                beforeKill.answered().size(), lastShown.toMillis() / 1000.0, notFound, notShown, refused, recovered.toMillis() / 1000.0);
        return new PlatformReport.Recovery(label, storeEvents, beforeKill.answered().size(), beforeKill.cutOff(), toReady, lastShown, recovered,
                reads, notFound, notShown, refused, 0, null);
    }

    /** Runs the load through the gateway and kills the platform under it; returns what the load got answered. */
    private UnitLoad.Result loadThenKill(String label, long storeEvents) throws Exception {
        UnitLoad load = load(gatewayBase());
        CompletableFuture<UnitLoad.Result> running = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                running.complete(load.run(new AtomicInteger(Integer.MAX_VALUE)));
            } catch (Exception e) {
                running.completeExceptionally(e);
            }
        }, "recovery-load");
        loader.start();
        Thread.sleep(RECOVERY_LOAD.toMillis());
        System.out.printf("kill -9 of every JVM of the platform (%s, %,d events in the store)%n", label, storeEvents);
        platform.kill();
        platform = null;
        return running.get();
    }

    /** What reading the answered units back after the restart found. */
    private record Readback(Map<Integer, Long> refusals, long lastShownNanos) {
    }

    /**
     * Reads every unit with its minSequence until it shows or {@link #SHOW_PATIENCE} has passed since ready: how many
     * were refused, by status (and, under {@link #NOT_SHOWN}, how many did not show in that time), and when the last
     * one that did show showed.
     */
    private Readback readAll(List<UnitLoad.Unit> units, AnswerCounts counts, long readyNanos) throws Exception {
        Map<Integer, Long> refusals = new ConcurrentHashMap<>();
        AtomicLong lastShown = new AtomicLong(readyNanos);
        long deadline = readyNanos + SHOW_PATIENCE.toNanos();
        AtomicInteger next = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                UnitClient client = new UnitClient(http, directBase(), tokens.forClient(c).token(), counts);
                done.add(readers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < units.size(); i = next.getAndIncrement()) {
                        try {
                            long shown = client.awaitShown(units.get(i).id(), units.get(i).sequence(), deadline);
                            lastShown.accumulateAndGet(shown, Math::max);
                        } catch (UnitClient.UnexpectedAnswer e) {
                            refusals.merge(e.status, 1L, Long::sum);
                        } catch (UnitClient.NotShown e) {
                            counts.error("not shown", e.getMessage());
                            refusals.merge(NOT_SHOWN, 1L, Long::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            readers.shutdownNow();
        }
        return new Readback(refusals, lastShown.get());
    }

    /** Waits until no consumer group of the service's topic lags (by its committed offsets). */
    private void awaitNoLag() throws InterruptedException {
        try (TopicReader topic = new TopicReader(ports.kafkaBootstrap(), service.topic())) {
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            Map<String, Long> lag = topic.committedLag();
            while (lag.isEmpty() || lag.values().stream().anyMatch(l -> l > 0)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the read models' lag is not 0 after " + SETTLE_TIMEOUT.toMinutes() + " min: " + lag);
                }
                Thread.sleep(LagSampler.INTERVAL_MILLIS);
                lag = topic.committedLag();
            }
        }
    }

    /** Access tokens live 30 minutes: a long run (a big prefill) signs in again before the next load. */
    private void signInAgainIfOld() {
        if (Duration.between(signedIn, Instant.now()).compareTo(Duration.ofMinutes(20)) > 0) {
            signIn();
        }
    }

    private void signIn() {
        tokens = PlatformTokens.signIn(ports.issuer());
        signedIn = Instant.now();
        operator = new ServiceOperator(http, ports.serviceUrl(SERVICE), tokens.operator());
    }

    /** Each JVM's recording, summarised over the measured phases (start-up and warm-up left out). */
    private Map<String, JfrSummary> profiles(Map<Long, String> names, Instant from, Instant to) throws IOException {
        Map<String, JfrSummary> profiles = new LinkedHashMap<>();
        List<Path> recordings;
        try (Stream<Path> files = Files.list(profileDir)) {
            recordings = files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
        for (Path recording : recordings) {
            long pid = Long.parseLong(recording.getFileName().toString().replaceFirst("^hotspot-pid-(\\d+)-.*", "$1"));
            String name = names.getOrDefault(pid, "pid " + pid);
            profiles.put(name, JfrSummary.of(recording, from, to, 15, 10));
        }
        return profiles;
    }

    private void stopIfRunning() {
        PlatformProcess running = platform;
        if (running != null && running.isAlive()) {
            System.err.println("stopping the platform this run started");
            try {
                running.stop(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Empties a directory this benchmark owns (it leaves a marker file in it); refuses one it did not make, so that
     * {@code --data-dir=./data} cannot wipe a platform's real data.
     */
    private static void prepare(Path dir) throws IOException {
        Path marker = dir.resolve(".dangjian-benchmark");
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(marker)) {
                throw new IllegalStateException(dir + " holds data this benchmark did not create; choose another --data-dir");
            }
            delete(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(marker, "made by benchmarks/run.sh --mode=platform; emptied at each run", StandardCharsets.UTF_8);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
