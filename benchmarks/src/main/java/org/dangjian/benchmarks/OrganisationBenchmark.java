package org.dangjian.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.dangjian.infra.embedded.EmbeddedKafkaBroker;
import org.dangjian.infra.embedded.EmbeddedMongoServer;
import org.dangjian.organisation.OrganisationApplication;
import org.dangjian.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Drives the organisation service on the embedded infrastructure (mongo-java-server with its H2 file backend, the
 * in-process KRaft broker: what {@code ./run.sh} runs) with concurrent HTTP clients, and measures, beside a raw
 * baseline of the same drivers:
 * <ul>
 *   <li>commands per second and command latency (establish and rename, each an event stored, hashed, published);</li>
 *   <li>latency from sending a command to the read model showing it (the client reads with {@code minSequence});</li>
 *   <li>the same number of plain MongoDB inserts and Kafka sends (idempotent producer, acks=all);</li>
 *   <li>command latency once the event store holds 100,000 and 1,000,000 events.</li>
 * </ul>
 * Results go to {@code benchmarks/results/<date>-<commit>.md}. See benchmarks/README.md.
 */
public final class OrganisationBenchmark {

    private static final String COMMITTEE = "COMMITTEE";

    private final int clients;
    private final int commands;
    private final List<Long> storeSizes;
    private final Path workDir;
    private final Path results;
    /** The commit measured, read once: the report and its file name say the same. */
    private final String commit = Commit.current();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = TestTokens.forUser("benchmark", "COMMITTEE_STAFF", null);
    private final StringBuilder report = new StringBuilder();
    private final AtomicInteger behind = new AtomicInteger();

    private String base;
    private EmbeddedMongoServer mongo;
    private EmbeddedKafkaBroker kafka;

    private OrganisationBenchmark(int clients, int commands, List<Long> storeSizes, Path workDir, Path results) {
        this.clients = clients;
        this.commands = commands;
        this.storeSizes = storeSizes;
        this.workDir = workDir;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        String mode = "in-process";
        for (String arg : args) {
            if (arg.startsWith("--mode=")) {
                mode = arg.substring("--mode=".length());
            } else {
                rest.add(arg);
            }
        }
        switch (mode) {
            case "in-process" -> inProcess(rest);
            case "platform" -> PlatformBenchmark.main(rest);
            case "embedded-store" -> EmbeddedStoreWrites.main(rest);
            default -> {
                System.err.println("Unknown --mode=" + mode + " (known: in-process, the default; platform; embedded-store)");
                System.exit(2);
            }
        }
    }

    private static void inProcess(List<String> args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("clients", "8", "commands", "3000", "store-sizes", "100000,1000000",
                "results", "benchmarks/results"));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                System.err.println("Usage: benchmarks/run.sh [--mode=in-process] [--clients=8] [--commands=3000] [--store-sizes=100000,1000000] "
                        + "[--results=dir]\n       benchmarks/run.sh --mode=platform [options] (see benchmarks/README.md)");
                System.exit(2);
            }
            options.put(pair[0], pair[1]);
        }
        List<Long> sizes = new ArrayList<>();
        for (String size : options.get("store-sizes").split(",")) {
            if (!size.isBlank()) {
                sizes.add(Long.parseLong(size.strip()));
            }
        }
        Path work = Files.createTempDirectory("dangjian-benchmark");
        int status = 0;
        try {
            new OrganisationBenchmark(Integer.parseInt(options.get("clients")), Integer.parseInt(options.get("commands")), sizes, work,
                    Path.of(options.get("results"))).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the embedded servers leave non-daemon threads behind

    }

    private void run() throws Exception {
        header();
        mongo = EmbeddedMongoServer.onDisk(workDir.resolve("mongo"), 0);
        kafka = EmbeddedKafkaBroker.start(workDir.resolve("kafka"), 0);
        ConfigurableApplicationContext service = startService();
        try {
            base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
            // the JIT needs a few thousand requests before the figures settle
            runCommands("warm-up (not reported)", 2000, false);
            runCommands("warm-up (not reported)", 500, true);

            section("Commands through the service (empty store)", "what");
            Measurements throughput = runCommands("commands", commands, false);
            row("commands: establish + rename (HTTP → aggregate → event store → outbox)", throughput);
            Measurements readBack = runCommands("read-your-writes", commands / 2, true);
            row("command → read model shows it (command, then query with minSequence)", readBack);
            report.append(String.format("%nQueries told READ_MODEL_BEHIND (503) and retried after Retry-After: %d%n", behind.get()));

            section("Raw baseline through the same drivers, same embedded servers", "what");
            row("MongoDB insertOne (~1 KB document)", mongoInserts(commands));
            row("Kafka send, idempotent, acks=all, waited for (~1 KB record)", kafkaSends(commands));

            section("Command latency as the event store grows", "events in store");
            long stored = storedEvents();
            Measurements atStart = runCommands("at " + stored, Math.min(commands, 1000), false);
            rowSize(stored, atStart);
            for (long size : storeSizes) {
                prefill(size - storedEvents());
                Measurements measured = runCommands("at " + size, Math.min(commands, 1000), false);
                rowSize(storedEvents(), measured);
            }
        } finally {
            service.close();
            kafka.close();
            mongo.close();
        }
        write();
    }

    private ConfigurableApplicationContext startService() {
        // as command-line arguments: they outrank the service's application.yml
        return new SpringApplicationBuilder(OrganisationApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + mongo.connectionString() + "/organisation",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--dangjian.security.jwk-set-uri=",
                "--dangjian.security.public-key-location=" + TestTokens.publicKeyLocation(),
                "--dangjian.security.issuer=" + TestTokens.ISSUER,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }

    record Result(String id, long sequence) {
    }

    /**
     * Each client runs a committee of its own: every tenth command establishes a branch under it, the others rename
     * one of its branches in turn (a tree of a few dozen units per committee, renamed over and over, as years of
     * use would leave it). Every command is one event.
     */
    private Measurements runCommands(String label, int total, boolean readBack) throws Exception {
        AtomicInteger remaining = new AtomicInteger(total);
        Measurements measurements = concurrently(() -> {
            String committee = establish(COMMITTEE, "基准党委" + suffix(), null).id();
            List<String> branches = new ArrayList<>();
            int[] count = {0};
            return into -> {
                if (remaining.getAndDecrement() <= 0) {
                    return false;
                }
                long began = System.nanoTime();
                Result result;
                if (branches.isEmpty() || count[0]++ % 10 == 0) {
                    result = establish("BRANCH", "基准支部" + suffix(), committee);
                    branches.add(result.id());
                } else {
                    result = rename(branches.get(count[0] % branches.size()), "基准支部" + suffix());
                }
                if (readBack) {
                    readOwnWrite("/units/" + result.id() + "?minSequence=" + result.sequence());
                }
                into.record(System.nanoTime() - began);
                return true;
            };
        });
        System.out.printf("%-28s %8.0f/s  p50 %6.2f ms  p99 %7.2f ms%n", label, measurements.perSecond(), measurements.p50Millis(),
                measurements.p99Millis());
        return measurements;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Result establish(String kind, String name, String parent) throws IOException, InterruptedException {
        String body = "{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"" + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}";
        return command("/units", body, 201);
    }

    private Result rename(String unit, String name) throws IOException, InterruptedException {
        return command("/units/" + unit + "/rename", "{\"name\":\"" + name + "\"}", 200);
    }

    private Result command(String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        String json = response.body();
        String id = json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        long sequence = Long.parseLong(json.replaceAll(".*\"sequence\":(\\d+).*", "$1"));
        return new Result(id, sequence);
    }

    /** A query with minSequence, retried as a client should when the read model is behind (503, Retry-After). */
    private void readOwnWrite(String path) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 503) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            behind.incrementAndGet();
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    private Measurements mongoInserts(int total) throws Exception {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("baseline").getCollection("inserts");
            String filler = "党".repeat(300);
            return plain(total, i -> collection.insertOne(new Document("_id", UUID.randomUUID().toString()).append("n", i)
                    .append("at", new Date()).append("payload", filler)));
        }
    }

    private Measurements kafkaSends(int total) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("baseline", 3, (short) 1))).all().get();
        }
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers(), "enable.idempotence", true, "acks", "all",
                "linger.ms", 0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            byte[] value = "党".repeat(340).getBytes(StandardCharsets.UTF_8);
            return plain(total, i -> {
                try {
                    producer.send(new ProducerRecord<>("baseline", "key-" + (i % 500), value)).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** One client's loop body: does one operation, records its latency, answers whether there was one to do. */
    interface Step {
        boolean next(Measurements into) throws Exception;
    }

    /** Makes a client's step (after any set-up of its own); called once per client thread. */
    interface Client {
        Step start() throws Exception;
    }

    /** Runs {@code clients} threads, each with its own step, until the steps say they are done. */
    private Measurements concurrently(Client client) throws Exception {
        Measurements measurements = new Measurements();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(clients);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                Step step = client.start();
                ready.countDown();
                go.await();
                while (step.next(measurements)) {
                    // until the step has nothing left to do
                }
                return null;
            }));
        }
        ready.await();
        measurements.start();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        measurements.end();
        pool.shutdown();
        return measurements;
    }

    /** The same number of a plain operation, timed one by one, by as many client threads. */
    private Measurements plain(int total, PlainOperation operation) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return concurrently(() -> into -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return false;
            }
            long began = System.nanoTime();
            operation.run(i);
            into.record(System.nanoTime() - began);
            return true;
        });
    }

    interface PlainOperation {
        void run(int index) throws Exception;
    }

    private void prefill(long events) {
        new EventStorePrefill(mongo.connectionString(), "organisation").add(events);
    }

    private long storedEvents() {
        return new EventStorePrefill(mongo.connectionString(), "organisation").storedEvents();
    }

    private void header() {
        report.append("# Organisation service benchmark, ").append(LocalDate.now()).append(System.lineSeparator()).append(System.lineSeparator());
        report.append(String.format("- commit `%s`; %d concurrent clients; %,d commands per phase%n", commit, clients, commands));
        report.append(String.format("- machine: %d cores, %d MB max heap for this JVM, Java %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), System.getProperty("java.vm.name")));
        report.append("- infrastructure: embedded, as ./run.sh runs it: mongo-java-server 1.47.0 with the H2 file backend, ")
                .append("Kafka 4.2.1 KRaft broker in-process; the service, its HTTP clients and both servers share this one JVM")
                .append(System.lineSeparator());
        report.append("- command latency: from sending the HTTP request to its answer (event stored; publication follows");
        report.append(" asynchronously); read-model latency: from sending the command to the query with minSequence answering")
                .append(System.lineSeparator());
    }

    private void section(String title, String firstColumn) {
        report.append(System.lineSeparator()).append("## ").append(title).append(System.lineSeparator()).append(System.lineSeparator());
        report.append("| ").append(firstColumn).append(" | per second | p50 ms | p99 ms | max ms |").append(System.lineSeparator());
        report.append("| --- | --- | --- | --- | --- |").append(System.lineSeparator());
    }

    private void row(String what, Measurements m) {
        report.append(String.format("| %s | %.0f | %.2f | %.2f | %.1f |%n", what, m.perSecond(), m.p50Millis(), m.p99Millis(), m.maxMillis()));
    }

    private void rowSize(long size, Measurements m) {
        report.append(String.format("| %,d | %.0f | %.2f | %.2f | %.1f |%n", size, m.perSecond(), m.p50Millis(), m.p99Millis(), m.maxMillis()));
    }

    private void write() throws IOException {
        Files.createDirectories(results);
        Path file = results.resolve(LocalDate.now() + "-" + commit + ".md");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + file + " at " + Instant.now());
    }
}
