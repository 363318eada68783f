package org.dangjian.runtime;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.consumer.ConsumerPositions;
import org.dangjian.runtime.consumer.ConsumerRunners;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.publication.PublicationRelay;
import org.dangjian.runtime.testing.Drill;
import org.dangjian.testsupport.Eventually;
import org.dangjian.runtime.testing.drills.DrillsApplication;
import org.dangjian.runtime.testing.tally.TallyApplication;
import org.dangjian.testsupport.TestInfrastructure;
import org.dangjian.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two services on the real (embedded) broker and database, each in its own Spring context as each would run in its
 * own JVM: "tally" reads "drills"' topic through {@code contracts} only. Its read model takes the one type it
 * declares and passes over the others without stopping; its reaction turns each drill held into one command of its
 * own, recorded with the service as actor and the drill's event as cause, and a redelivered event changes nothing.
 */
class CrossServiceTest {

    private static final Actor ORGANISER = new Actor("shuji", "BRANCH_SECRETARY", "00000000-0000-4000-8000-000000000011");

    private static ConfigurableApplicationContext drills;
    private static ConfigurableApplicationContext tally;

    @BeforeAll
    static void start() {
        String namespace = "x" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + ".";
        drills = service(DrillsApplication.class, "drills", namespace);
        tally = service(TallyApplication.class, "tally", namespace);
    }

    @AfterAll
    static void stop() {
        if (tally != null) {
            tally.close();
        }
        if (drills != null) {
            drills.close();
        }
    }

    private static ConfigurableApplicationContext service(Class<?> application, String name, String namespace) {
        TestInfrastructure.Endpoints infrastructure = TestInfrastructure.endpoints();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("dangjian.service.name", name);
        properties.put("dangjian.eventing.namespace", namespace);
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", infrastructure.mongoConnectionString());
        properties.put("spring.mongodb.database", namespace.replace(".", "") + name);
        properties.put("dangjian.security.jwk-set-uri", "");
        properties.put("dangjian.security.public-key-location", TestTokens.publicKeyLocation());
        properties.put("dangjian.security.issuer", TestTokens.ISSUER);
        properties.put("dangjian.consumers.park-retry-interval", "1h"); // only operators retry here
        // as arguments, which outrank every default (builder "properties" are defaults themselves)
        return new SpringApplicationBuilder(application).run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    private static CommandDispatcher commands() {
        return drills.getBean(CommandDispatcher.class);
    }

    private static void send(String drillId, java.util.function.Function<String, ?> command) {
        commands().sendAs(ORGANISER, drillId, command, CommandContext.of(null, "test", "{}", null));
    }

    private static java.net.http.HttpResponse<String> operator(String method, String path) {
        int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) tally).getWebServer().getPort();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.forUser("yunwei", "PLATFORM_OPERATOR", null))
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? java.net.http.HttpRequest.BodyPublishers.ofString("{}")
                        : java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRecordWhoseEventKeepsFailingIsParkedVisiblyForOperatorsAndResumesWhenTheyRetryItAfterTheFix() throws Exception {
        String poisoned = "drill-" + UUID.randomUUID();
        String healthy = "drill-" + UUID.randomUUID();
        TallyApplication.POISONED.set(true);
        try {
            send(poisoned, id -> new Drill.ScheduleDrill(id, "夜间演练", "poison-member"));
            send(poisoned, id -> new Drill.HoldDrill(id, 0));
            send(healthy, id -> new Drill.ScheduleDrill(id, "白天演练", "member-" + UUID.randomUUID()));
            send(healthy, id -> new Drill.HoldDrill(id, 0));

            MongoDatabase tallyDb = tally.getBean(MongoDatabase.class);
            Eventually.that(() -> assertThat(tallyDb.getCollection("drills_held").find(eq("_id", healthy)).first())
                    .as("the other records go on").isNotNull());
            Eventually.that(() -> assertThat(operator("GET", "/actuator/readmodels/drills-held").body())
                    .contains("\"aggregateId\":\"" + poisoned + "\"").contains("\"reason\":\"FAILED\"")
                    .contains("cannot apply the drill of poison-member"));
            assertThat(operator("GET", "/actuator/readmodels").body()).contains("\"parked\":1");
            assertThat(operator("GET", "/actuator/health").body()).contains("\"parkedAggregates\":{\"drills-held\":1}");
            assertThat(operator("GET", "/actuator/prometheus").body()).containsPattern("dangjian_readmodel_parked\\{[^}]*model=\"drills-held\"[^}]*\\} 1\\.0");
            assertThat(tallyDb.getCollection("drills_held").find(eq("_id", poisoned)).first()).isNull();
        } finally {
            TallyApplication.POISONED.set(false); // the fix is deployed
        }
        assertThat(operator("POST", "/actuator/readmodels/drills-held/drills/" + poisoned + "/retry").statusCode()).isEqualTo(202);
        assertThat(operator("POST", "/actuator/readmodels/drills-held/drills/not-parked/retry").statusCode()).isEqualTo(404);

        MongoDatabase tallyDb = tally.getBean(MongoDatabase.class);
        Eventually.that(() -> assertThat(tallyDb.getCollection("drills_held").find(eq("_id", poisoned)).first()).isNotNull());
        Eventually.that(() -> assertThat(operator("GET", "/actuator/readmodels").body()).contains("\"parked\":0").doesNotContain("\"parked\":1"));
    }

    @Test
    void aServiceLivesOnAnotherServicesEventsTakingOnlyTheTypesItDeclaresAndReactingOnce() {
        String held = "drill-" + UUID.randomUUID();
        String cancelled = "drill-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        send(held, id -> new Drill.ScheduleDrill(id, "消防演练", member));
        send(cancelled, id -> new Drill.ScheduleDrill(id, "应急演练", member));
        send(held, id -> new Drill.HoldDrill(id, 0));
        send(cancelled, Drill.CancelDrill::new);

        MongoDatabase tallyDb = tally.getBean(MongoDatabase.class);
        ConsumerPositions positions = tally.getBean(ConsumerPositions.class);
        Eventually.that(() -> assertThat(tallyDb.getCollection("drills_held").find(eq("_id", held)).first()).isNotNull());
        Eventually.that(() -> assertThat(positions.last(ConsumerPositions.key("drills-held", "drills", cancelled)).orElse(-1))
                .as("the types it does not declare were passed over, and their sequences count").isEqualTo(1));
        assertThat(tallyDb.getCollection("drills_held").countDocuments()).isEqualTo(1);
        assertThat(tally.getBean(ConsumerRunners.class).all()).allMatch(runner -> runner.parkedCount() == 0);

        StoredEvent drillHeld = drills.getBean(EventStoreReader.class).read(held, 1).orElseThrow();
        EventStoreReader tallyStore = tally.getBean(EventStoreReader.class);
        Eventually.that(() -> assertThat(tallyStore.readStream(member, 0)).hasSize(1));
        StoredEvent awarded = tallyStore.readStream(member, 0).get(0);
        assertThat(awarded.type()).isEqualTo("org.dangjian.tally.PointsAwarded.v1");
        assertThat(awarded.actor()).isEqualTo(new Actor("service:tally", "SERVICE", null));
        assertThat(awarded.causationId()).as("caused by the other service's event").isEqualTo(drillHeld.eventId());
        assertThat(awarded.correlationId()).as("in the same conversation").isEqualTo(drillHeld.correlationId());
        assertThat(awarded.idempotencyKey()).isEqualTo("reaction:points-for-drills:" + drillHeld.eventId() + ":0");
        assertThat(awarded.occurredAt()).isEqualTo(drillHeld.occurredAt());

        // the drill's event comes again, and the reaction has forgotten it handled it: still one award
        ConsumerRunners tallyConsumers = tally.getBean(ConsumerRunners.class);
        tallyConsumers.stop();
        tallyDb.getCollection(ConsumerPositions.COLLECTION).deleteMany(eq("_id", ConsumerPositions.key("points-for-drills", "drills", held)));
        tallyConsumers.start();
        drills.getBean(Outbox.class).register(List.of(drillHeld), Instant.now());
        drills.getBean(PublicationRelay.class).signal();
        Eventually.that(() -> assertThat(positions.last(ConsumerPositions.key("points-for-drills", "drills", held)).orElse(-1)).isEqualTo(1));
        assertThat(tallyStore.readStream(member, 0)).hasSize(1);
        assertThat(tallyDb.getCollection("idempotency_keys").find(new Document("state", "COMPLETED")).into(new java.util.ArrayList<>()))
                .hasSize(1);
    }

    @Test
    void aRestrictedEventIsPublishedOnTheServicesRestrictedTopicOnlyAndAnEntitledReadModelReadsItThere() {
        String debrief = "debrief-" + UUID.randomUUID();
        String drill = "drill-" + UUID.randomUUID();
        send(drill, id -> new Drill.ScheduleDrill(id, "防汛演练", "member-" + UUID.randomUUID()));
        commands().sendAs(ORGANISER, debrief, id -> new org.dangjian.runtime.testing.Debrief.RecordDebrief(id, drill, "值班表不全"),
                CommandContext.of(null, "test", "{}", null));

        MongoDatabase tallyDb = tally.getBean(MongoDatabase.class);
        Eventually.that(() -> assertThat(tallyDb.getCollection("debriefs").find(eq("_id", debrief)).first())
                .as("read from the restricted topic").isNotNull());
        org.dangjian.runtime.config.PlatformProperties properties = drills.getBean(org.dangjian.runtime.config.PlatformProperties.class);
        assertThat(properties.restrictedTopicOf("drills")).endsWith("dangjian.drills.restricted");
        Map<String, List<String>> restricted = typesBySubject(properties.restrictedTopicOf("drills"));
        Map<String, List<String>> open = typesBySubject(properties.topic());
        assertThat(restricted.get(debrief)).containsExactly("org.dangjian.drills.DebriefRecorded.v1");
        assertThat(open).as("nothing of the debrief on the open topic").doesNotContainKey(debrief);
        assertThat(open.get(drill)).containsExactly("org.dangjian.drills.DrillScheduled.v1");
        assertThat(restricted).doesNotContainKey(drill);
    }

    /** Every record's ce_type on the topic, by ce_subject, read from the start with a consumer of no group. */
    private static Map<String, List<String>> typesBySubject(String topic) {
        Map<String, Object> config = Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.endpoints().kafkaBootstrapServers());
        Map<String, List<String>> types = new java.util.TreeMap<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                config, new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic, java.time.Duration.ofSeconds(10)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(200))) {
                    String subject = new String(record.headers().lastHeader("ce_subject").value(), java.nio.charset.StandardCharsets.UTF_8);
                    types.computeIfAbsent(subject, k -> new java.util.ArrayList<>())
                            .add(new String(record.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return types;
    }
}
