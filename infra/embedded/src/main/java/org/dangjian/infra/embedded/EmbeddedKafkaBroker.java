package org.dangjian.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in-process with the
 * production server classes ({@link KafkaRaftServer}) and its log on disk.
 *
 * <p>With a data directory that survives, topics and their events survive restarts (the embedded default keeps
 * every event forever, like the real deployment). Without one, a temporary directory is used and deleted on
 * {@link #close()} (tests).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final boolean temporary;
    private final int brokerPort;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, boolean temporary, int brokerPort, KafkaRaftServer server) {
        this.logDir = logDir;
        this.temporary = temporary;
        this.brokerPort = brokerPort;
        this.server = server;
    }

    /**
     * Starts a broker.
     *
     * @param dataDir    where the log lives; {@code null} for a temporary directory deleted on close
     * @param brokerPort the client port; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort) {
        boolean temporary = dataDir == null;
        try {
            Path logDir = temporary ? Files.createTempDirectory("dangjian-kafka") : Files.createDirectories(dataDir);
            java.util.Deque<Integer> free = FreePorts.pick(2); // two different ones
            int port = brokerPort == 0 ? free.pop() : brokerPort;
            int controllerPort = free.stream().filter(p -> p != port).findFirst().orElseThrow();
            KafkaConfig config = new KafkaConfig(serverProperties(logDir, port, controllerPort), false);
            formatIfNew(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, temporary, port, server);
            broker.awaitReady(Duration.ofSeconds(60));
            log.info("Embedded Kafka broker (KRaft) ready at {} with its log in {}", broker.bootstrapServers(), logDir);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka log directory", e);
        }
    }

    private static Map<String, Object> serverProperties(Path logDir, int port, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // one node: internal topics cannot be replicated, and few partitions keep start-up and group joins fast
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // topics are created by the services that own them, with their retention; a typo must not create one
        p.put("auto.create.topics.enable", "false");
        p.put("log.retention.ms", "-1");
        p.put("num.partitions", "1");
        return p;
    }

    private static void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // a directory from an earlier run keeps its cluster id, topics and events
        }
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The embedded Kafka broker did not become ready", e);
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            FileTrees.deleteQuietly(logDir);
        }
        log.info("Embedded Kafka broker stopped");
    }
}
