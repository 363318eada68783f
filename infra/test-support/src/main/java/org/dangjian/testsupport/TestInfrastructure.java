package org.dangjian.testsupport;

import java.util.Locale;

import org.dangjian.infra.embedded.EmbeddedKafkaBroker;
import org.dangjian.infra.embedded.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB server the tests of one JVM share, started once on first use and stopped when the JVM
 * exits.
 *
 * <p>Chosen automatically: Testcontainers' Kafka ({@code apache/kafka}) and MongoDB (a one-node replica set) when a
 * Docker engine answers, otherwise the embedded broker (KRaft, production classes) and {@code mongo-java-server}
 * (memory backend). Tests do not change either way. {@code -Ddangjian.test.infrastructure=embedded|containers}
 * forces one.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    static final String MONGO_IMAGE = "mongo:8.0";

    /** Where the shared infrastructure answers. */
    public record Endpoints(String kind, String kafkaBootstrapServers, String mongoConnectionString) {
    }

    private static Endpoints endpoints;

    private TestInfrastructure() {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = useContainers() ? startContainers() : startEmbedded();
            log.info("Test infrastructure: {}", endpoints);
        }
        return endpoints;
    }

    private static boolean useContainers() {
        String forced = System.getProperty("dangjian.test.infrastructure", "").toLowerCase(Locale.ROOT);
        if (forced.equals("embedded")) {
            return false;
        }
        if (forced.equals("containers")) {
            return true;
        }
        if (!dockerMightRun()) {
            return false; // asking Testcontainers costs seconds of probing when there is plainly no engine
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean dockerMightRun() {
        if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        return java.util.stream.Stream.of("/var/run/docker.sock", home + "/.docker/run/docker.sock", home + "/.testcontainers.properties",
                        home + "/.colima/default/docker.sock", "/run/user/" + uid() + "/docker.sock")
                .anyMatch(path -> java.nio.file.Files.exists(java.nio.file.Path.of(path)));
    }

    private static String uid() {
        try {
            return String.valueOf(java.nio.file.Files.getAttribute(java.nio.file.Path.of(System.getProperty("user.home")), "unix:uid"));
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "0";
        }
    }

    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }, "test-infrastructure-stop"));
        String mongoUri = mongo.getConnectionString();
        return new Endpoints("testcontainers", kafka.getBootstrapServers(), mongoUri);
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(null, 0);
        EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
        }, "test-infrastructure-stop"));
        return new Endpoints("embedded", kafka.bootstrapServers(), mongo.connectionString());
    }
}
