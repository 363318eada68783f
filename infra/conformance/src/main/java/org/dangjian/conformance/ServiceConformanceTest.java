package org.dangjian.conformance;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.command.IdempotencyKey;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.publication.PublicationRelay;
import org.dangjian.runtime.reaction.Reaction;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What every service of the platform promises its clients and operators, checked the same way for each: a service's
 * test extends this class and names one of its commands and one query ({@link #sample()}). The service runs on the
 * real (embedded) broker and database, and is driven over HTTP with access tokens, as a client drives it.
 *
 * <ul>
 *   <li>every error class is RFC 9457 problem+json with a stable code: 400 (malformed body, wrong type), 401, 403,
 *       404, 405, 406, 415, 422, 503;</li>
 *   <li>a command answers its id and sequence, and the query reads that write ({@code minSequence});</li>
 *   <li>an {@code Idempotency-Key} replays the answer; a key whose first request's instance died is taken over and
 *       answered within 10 seconds, the command applied once;</li>
 *   <li>an event stored while the relay is down is published when it comes back;</li>
 *   <li>every read model rebuilt from the topics equals the live one;</li>
 *   <li>the hash chain verifies, and a changed stored event is named;</li>
 *   <li>hostile input ({@link HostileRequests}, generated from the service's OpenAPI document for every endpoint) is
 *       never a 5xx, always problem+json, and nothing of a refused request is stored or published;</li>
 *   <li>every endpoint declares who may call it, and keeps to it for every role ({@link AccessMatrix});</li>
 *   <li>the service keeps its own limits (body size), answers its error page and Tomcat's own errors as problem+json,
 *       takes forwarded headers only from the gateway's address, refuses tokens for another audience, and keeps its
 *       metrics for operators.</li>
 * </ul>
 * The hostile-input seed is random unless {@code -Ddangjian.fuzz.seed=<n>} is given; a failure names it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the test client is on loopback: trusting another address makes its X-Forwarded-* those of "anyone"; a repeat
        // takes over a silent first request after 2 s instead of the default 5 s (the same takeover, sooner: two tests wait for it)
        properties = {"dangjian.web.trusted-proxies=192\\.0\\.2\\.1", "dangjian.idempotency.owner-silence=2s"})
@UsePlatformInfrastructure
public abstract class ServiceConformanceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    protected MongoDatabase serviceDatabase;
    @Autowired
    EventStoreReader store;
    @Autowired
    PublicationRelay relay;
    @Autowired
    PlatformProperties properties;

    private ConformanceClient client;
    private ConformanceSample sample;
    private String creator;
    private String forbidden;
    private String operator;

    /** The service's command and query the checks use. */
    protected abstract ConformanceSample sample();

    @BeforeEach
    void setUpClient() {
        client = new ConformanceClient("http://localhost:" + port);
        sample = sample();
        creator = TestTokens.forUser("conformance-creator", sample.creatorRole(), null);
        forbidden = TestTokens.forUser("conformance-forbidden", sample.forbiddenRole(), null);
        operator = TestTokens.forUser("conformance-operator", "PLATFORM_OPERATOR", null);
    }

    private ConformanceClient.Response create(Map<String, String> headers) {
        return client.post(sample.createPath(), creator, sample.createBody(), headers);
    }

    private JsonNode created() {
        ConformanceClient.Response answer = create(Map.of());
        assertThat(answer.status()).as("the sample command succeeds: %s", answer.body()).isIn(200, 201);
        return answer.body();
    }

    private static void assertProblem(ConformanceClient.Response answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("the answer is problem+json").startsWith(PROBLEM_JSON);
        JsonNode body = answer.body();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).startsWith("urn:dangjian:problem:");
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).as("a message a person can act on").isNotBlank();
        assertThat(body.path("code").asString()).matches("[A-Z][A-Z0-9_]*");
        if (code != null) {
            assertThat(body.path("code").asString()).isEqualTo(code);
        }
    }

    /**
     * Each aggregate's events are all restricted or none are ({@code @EventType(restricted = true)}), so each of the
     * service's topics holds whole streams and every hash chain verifies from one topic alone: checked on the event
     * types of each {@code @Aggregate} class's {@code @EventSourcingHandler}s, found under the application's package.
     */
    @Test
    void eachAggregatesEventsAreAllRestrictedOrNone() {
        String base = context.getBeansWithAnnotation(org.springframework.boot.autoconfigure.SpringBootApplication.class).values().iterator().next()
                .getClass().getPackageName().replaceAll("\\$\\$.*", "");
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(org.axonframework.spring.stereotype.Aggregate.class));
        List<String> mixed = new ArrayList<>();
        int aggregates = 0;
        for (var candidate : scanner.findCandidateComponents(base)) {
            Class<?> aggregate;
            try {
                aggregate = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            aggregates++;
            java.util.Set<Boolean> restricted = new java.util.HashSet<>();
            for (java.lang.reflect.Method method : aggregate.getDeclaredMethods()) {
                if (method.isAnnotationPresent(org.axonframework.eventsourcing.EventSourcingHandler.class) && method.getParameterCount() > 0) {
                    restricted.add(org.dangjian.contracts.EventTypes.isRestricted(method.getParameterTypes()[0]));
                }
            }
            if (restricted.size() > 1) {
                mixed.add(aggregate.getSimpleName());
            }
        }
        assertThat(aggregates).as("aggregates found under %s", base).isPositive();
        assertThat(mixed).as("aggregates with restricted and open events").isEmpty();
    }

    @Test
    void aCommandAnswersItsIdAndSequenceAndTheQueryReadsThatWrite() {
        JsonNode answer = created();
        assertThat(answer.path("id").asString()).isNotBlank();
        assertThat(answer.path("sequence").isIntegralNumber()).isTrue();

        ConformanceClient.Response read = client.get(sample.query(answer.get("id").asString()) + "?minSequence=" + answer.get("sequence").asLong(),
                creator);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().toString()).contains(answer.get("id").asString());
    }

    @Test
    void everyRefusalIsProblemJsonWithAStableCode() {
        assertProblem(client.post(sample.createPath(), creator, "{\"unclosed\": ", Map.of()), 400, "MALFORMED_REQUEST");
        assertProblem(client.post(sample.createPath(), creator, sample.wrongTypeBody(), Map.of()), 400, null);
        ConformanceClient.Response anonymous = client.post(sample.createPath(), null, sample.createBody(), Map.of());
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(client.post(sample.createPath(), TestTokens.expired("conformance-creator", sample.creatorRole(), null),
                sample.createBody(), Map.of()), 401, "UNAUTHENTICATED");
        assertProblem(client.post(sample.createPath(), forbidden, sample.createBody(), Map.of()), 403, "FORBIDDEN");
        assertProblem(client.get(sample.query(sample.unknownId()), creator), 404, null);
        assertProblem(client.get("/no-such-resource-" + UUID.randomUUID(), creator), 404, null);
        assertProblem(client.send("DELETE", sample.createPath(), creator, null, Map.of()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(client.send("POST", sample.createPath(), creator, "x", Map.of("Content-Type", "text/plain")), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(client.get(sample.query(sample.unknownId()), creator, Map.of("Accept", "application/xml")), 406, "NOT_ACCEPTABLE");

        ConformanceClient.Response english = client.post(sample.createPath(), forbidden, sample.createBody(), Map.of("Accept-Language", "en"));
        ConformanceClient.Response chinese = client.post(sample.createPath(), forbidden, sample.createBody(), Map.of());
        assertThat(english.body().path("title").asString()).as("English on request, Chinese by default")
                .isNotEqualTo(chinese.body().path("title").asString());
        assertThat(chinese.body().path("correlationId").asString()).isNotBlank();
    }

    @Test
    void theSameIdempotencyKeyAppliesTheCommandOnceAndReplaysTheAnswer() {
        String key = UUID.randomUUID().toString();
        ConformanceClient.Response first = create(Map.of("Idempotency-Key", key));
        ConformanceClient.Response repeat = create(Map.of("Idempotency-Key", key));

        assertThat(first.status()).isIn(200, 201);
        assertThat(repeat.status()).isEqualTo(first.status());
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsWithKey(first.body().get("id").asString(), key)).hasSize(1);

        assertProblem(client.post(sample.createPath(), creator, sample.otherBody(), Map.of("Idempotency-Key", key)), 422,
                "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aKeyWhoseFirstRequestsInstanceDiedBeforeStoringIsTakenOverAndAppliedOnce() {
        String key = UUID.randomUUID().toString();
        create(Map.of("Idempotency-Key", key));
        // the same request with another key, claimed by an instance that then died before it stored anything
        String deadKey = UUID.randomUUID().toString();
        String newId = UUID.randomUUID().toString();
        Document claim = claim(key);
        claim.put("_id", CommandDispatcher.scope("conformance-creator", new IdempotencyKey(deadKey)));
        claim.put("owner", "an-instance-that-died");
        claim.put("state", "IN_PROGRESS");
        claim.put("aggregateId", newId);
        claim.remove("result");
        serviceDatabase.getCollection("idempotency_keys").insertOne(claim);

        ConformanceClient.Response answer = create(Map.of("Idempotency-Key", deadKey));

        assertThat(answer.status()).as(answer.body().toString()).isIn(200, 201);
        assertThat(Duration.ofMillis(answer.millis())).isLessThan(TAKEOVER_BOUND);
        assertThat(answer.body().get("id").asString()).as("the id the first request had claimed").isEqualTo(newId);
        assertThat(eventsWithKey(newId, deadKey)).hasSize(1);
    }

    @Test
    void aKeyWhoseFirstRequestsInstanceDiedAfterStoringIsAnsweredFromTheStoreWithoutRunningAgain() {
        String key = UUID.randomUUID().toString();
        JsonNode first = create(Map.of("Idempotency-Key", key)).body();
        serviceDatabase.getCollection("idempotency_keys").updateOne(eq("_id", CommandDispatcher.scope("conformance-creator", new IdempotencyKey(key))),
                new Document("$set", new Document("owner", "an-instance-that-died").append("state", "IN_PROGRESS"))
                        .append("$unset", new Document("result", "")));

        ConformanceClient.Response answer = create(Map.of("Idempotency-Key", key));

        assertThat(Duration.ofMillis(answer.millis())).isLessThan(TAKEOVER_BOUND);
        assertThat(answer.body()).isEqualTo(first);
        assertThat(answer.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsWithKey(first.get("id").asString(), key)).hasSize(1);
    }

    @Test
    void anEventStoredWhileTheRelayIsDownIsPublishedWhenItComesBackAndAQueryWaitingForItSaysSo() throws InterruptedException {
        relay.stop();
        JsonNode answer;
        try {
            answer = created();
            String id = answer.get("id").asString();
            Thread.sleep(500);
            assertProblem(client.get(sample.query(id), creator), 404, null);
            ConformanceClient.Response behind = client.get(sample.query(id) + "?minSequence=" + answer.get("sequence").asLong(), creator);
            assertProblem(behind, 503, "READ_MODEL_BEHIND");
            assertThat(behind.header("Retry-After")).isNotBlank();
        } finally {
            relay.start();
        }
        ConformanceClient.Response read = client.get(sample.query(answer.get("id").asString()) + "?minSequence=" + answer.get("sequence").asLong(),
                creator);
        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void everyReadModelRebuiltFromItsTopicsEqualsTheLiveOne() {
        for (int i = 0; i < 3; i++) {
            JsonNode answer = created();
            assertThat(client.get(sample.query(answer.get("id").asString()) + "?minSequence=" + answer.get("sequence").asLong(), creator).status())
                    .isEqualTo(200);
        }
        Map<String, ReadModel> models = context.getBeansOfType(ReadModel.class);
        assertThat(models).as("a service has read models").isNotEmpty();
        // a witness (every record as delivered, org.dangjian.runtime.readmodel.Witness) is rebuilt and compared alike
        Map<String, List<String>> owners = new LinkedHashMap<>();
        models.values().forEach(model -> owners.put(model.name(), model.collections()));
        // (one that is a record of its own, numbered as events arrived, is never rebuilt: asked to, it answers 409)
        List<String> journals = new ArrayList<>();
        for (org.dangjian.runtime.readmodel.Witness witness : context.getBeansOfType(org.dangjian.runtime.readmodel.Witness.class).values()) {
            if (witness.rebuildable()) {
                owners.put(witness.name(), witness.collections());
            } else {
                journals.add(witness.name());
            }
        }
        awaitNoLag();
        Map<String, List<Document>> live = contents(owners);
        assertThat(live.values()).as("the read models hold what the commands did").anyMatch(documents -> !documents.isEmpty());
        owners.values().forEach(collections -> collections.forEach(collection -> serviceDatabase.getCollection(collection).drop())); // lost, say
        assertThat(contents(owners)).isNotEqualTo(live);

        assertProblem(client.get("/actuator/readmodels", null), 401, null);
        assertProblem(client.get("/actuator/readmodels", forbidden), 403, null);
        JsonNode listed = client.get("/actuator/readmodels", operator).body();
        for (ReadModel model : models.values()) {
            assertThat(listed.path(model.name()).path("kind").asString()).isEqualTo("read-model");
        }
        for (String name : owners.keySet()) {
            assertThat(client.post("/actuator/readmodels/" + name, operator, Map.of(), Map.of()).status()).isEqualTo(202);
        }
        for (Reaction reaction : context.getBeansOfType(Reaction.class).values()) {
            assertThat(client.post("/actuator/readmodels/" + reaction.name(), operator, Map.of(), Map.of()).status())
                    .as("a reaction is never replayed").isEqualTo(409);
        }
        for (String journal : journals) {
            assertThat(client.post("/actuator/readmodels/" + journal, operator, Map.of(), Map.of()).status())
                    .as("a journal is never rebuilt").isEqualTo(409);
        }
        assertThat(client.post("/actuator/readmodels/no-such-model", operator, Map.of(), Map.of()).status()).isEqualTo(404);

        Eventually.that(Duration.ofSeconds(60), () -> assertThat(contents(owners)).isEqualTo(live));
    }

    @Test
    void theChainVerifiesAndAChangedStoredEventIsNamed() {
        JsonNode answer = created();
        String id = answer.get("id").asString();
        ConformanceClient.Response intact = client.get(sample.verification(id), creator);
        assertThat(intact.status()).isEqualTo(200);
        assertThat(intact.body().path("intact").asBoolean()).isTrue();
        assertThat(intact.body().path("aggregateId").asString()).isEqualTo(id);
        StoredEvent stored = store.read(id, 0).orElseThrow();
        List<StoredEvent> stream = store.readStream(id, 0);
        assertThat(intact.body().path("lastHash").asString()).isEqualTo(stream.get(stream.size() - 1).hash());

        String changed = stored.data().replaceFirst("\"", "\"tampered");
        serviceDatabase.getCollection(EventDocuments.COLLECTION).updateOne(eq("_id", stored.documentId()),
                new Document("$set", new Document("data", changed)));

        JsonNode broken = client.get(sample.verification(id), creator).body();
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("brokenAtSequence").asLong()).isZero();
        assertThat(broken.path("brokenEventId").asString()).isEqualTo(stored.eventId());
        assertThat(broken.path("problem").asString()).isEqualTo("HASH_MISMATCH");
        assertProblem(client.get(sample.verification(sample.unknownId()), creator), 404, null);
    }

    @Test
    void hostileInputIsNeverA5xxAlwaysProblemJsonAndNothingOfItIsStoredOrPublished() {
        long seed = Long.getLong("dangjian.fuzz.seed", new java.util.Random().nextLong());
        awaitOutboxEmpty();
        long storedBefore = storedEvents();
        long publishedBefore = publishedRecords();
        HostileInputCheck check = new HostileInputCheck(new RawHttp("localhost", port), "",
                role -> TestTokens.forUser("hostile-" + role.toLowerCase(java.util.Locale.ROOT), role, null), this::storedEvents);

        // 8 random cases per endpoint besides the hand-picked ones; the hand-picked values of one property per body, and
        // half of each hand-picked list per endpoint, chosen by the seed, so that one run sends every value to some endpoint
        // and runs go round all of them (bean validation treats every property alike; a body of ten properties sent every
        // value of each took over 500 requests an endpoint; two properties a body made the organisation service's run alone
        // 5,835 requests, every value of one property 4,680, some 30 s of a CI run that must stay under 20 minutes)
        HostileInputCheck.Outcome outcome = check.run(openApi(), seed, 8, 1, 2);
        org.slf4j.LoggerFactory.getLogger(ServiceConformanceTest.class).info("Hostile input: {} requests (seed {}), answered {}",
                outcome.sent(), seed, outcome.statuses());

        assertThat(outcome.findings()).as("hostile input (seed %d, -Ddangjian.fuzz.seed=%d repeats it)", seed, seed).isEmpty();
        assertThat(outcome.sent()).as("requests sent: %s", outcome.statuses()).isGreaterThan(200);
        awaitOutboxEmpty();
        long stored = storedEvents() - storedBefore;
        Eventually.that(Duration.ofSeconds(20), () -> assertThat(publishedRecords() - publishedBefore)
                .as("every event stored by an accepted request is published once; nothing else (seed %d)", seed).isEqualTo(stored));
    }

    @Test
    void everyEndpointDeclaresWhoMayCallItAndKeepsToItForEveryRole() {
        AccessMatrix.Outcome outcome = new AccessMatrix(new RawHttp("localhost", port), "",
                role -> TestTokens.forUser("matrix-" + role.toLowerCase(java.util.Locale.ROOT), role, null))
                .run(openApi(), org.dangjian.runtime.security.Roles.ALL);

        assertThat(outcome.findings()).as("the access matrix %s", outcome.matrix()).isEmpty();
        assertThat(outcome.matrix()).isNotEmpty();
    }

    @Test
    void theServiceKeepsItsOwnLimitsAndAnswersEveryErrorAsProblemJson() {
        RawHttp raw = new RawHttp("localhost", port);
        java.util.Map<String, byte[]> json = java.util.Map.of("Content-Type", bytes("application/json"),
                "Authorization", bytes("Bearer " + creator));
        byte[] large = ("{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertRawProblem(raw.send("POST", sample.createPath(), json, large), 413, "PAYLOAD_TOO_LARGE");
        assertRawProblem(raw.send("GET", "/error", java.util.Map.of(), null), 404, "NOT_FOUND");
        assertRawProblem(raw.send("GET", sample.query("%c0%ae"), java.util.Map.of("Authorization", bytes("Bearer " + creator)), null),
                400, null);
        java.util.Map<String, byte[]> signedIn = java.util.Map.of("Authorization", bytes("Bearer " + creator));
        assertRawProblem(raw.send("GET", sample.query("%"), signedIn, null), 400, "MALFORMED_REQUEST");
        assertRawProblem(raw.send("GET", "/../" + sample.query(sample.unknownId()), signedIn, null), 400, "MALFORMED_REQUEST");
        assertRawProblem(raw.send("GET", sample.query(sample.unknownId()) + "?minSequence=%", signedIn, null), 400, "MALFORMED_REQUEST");
        assertRawProblem(raw.send("GET", sample.createPath() + "?x[$ne]=1", java.util.Map.of(), null), 400, "MALFORMED_REQUEST");
        assertRawProblem(raw.send("GET", sample.query(sample.unknownId()), java.util.Map.of("Authorization", bytes("Bearer " + creator),
                "X-Big", bytes("x".repeat(40_000))), null), 400, null);
        assertRawProblem(raw.send("GET", sample.query(sample.unknownId()), java.util.Map.of("Authorization", bytes("Bearer " + creator),
                "Idempotency-Key", "党".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null), 404, null);
        assertRawProblem(raw.send("POST", sample.createPath(), java.util.Map.of("Content-Type", bytes("application/json"),
                "Authorization", bytes("Bearer " + creator), "Idempotency-Key", "党".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ConformanceClient.JSON.writeValueAsBytes(sample.createBody())), 400, "REQUEST_REJECTED");

        String otherAudience = TestTokens.issue("conformance-creator", List.of(sample.creatorRole()), null, Duration.ofHours(1),
                List.of("another-application"));
        assertProblem(client.post(sample.createPath(), otherAudience, sample.createBody(), Map.of()), 401, "UNAUTHENTICATED");
        String noAudience = TestTokens.issue("conformance-creator", List.of(sample.creatorRole()), null, Duration.ofHours(1), List.of());
        assertProblem(client.post(sample.createPath(), noAudience, sample.createBody(), Map.of()), 401, "UNAUTHENTICATED");

        assertProblem(client.get("/actuator/prometheus", null), 401, "UNAUTHENTICATED");
        assertProblem(client.get("/actuator/prometheus", forbidden), 403, "FORBIDDEN");
        assertThat(client.get("/actuator/prometheus", operator).status()).isEqualTo(200);

        JsonNode forged = client.get("/v3/api-docs", null, Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Prefix", "/evil")).body();
        assertThat(forged.path("servers").toString()).as("forwarded headers from an address that is not the gateway's")
                .doesNotContain("evil").contains("localhost");
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void assertRawProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.text()).isEqualTo(status);
        assertThat(HostileInputCheck.check(answer)).as("a problem+json answer").isNull();
        if (code != null) {
            assertThat(ConformanceClient.JSON.readTree(answer.body()).path("code").asString()).isEqualTo(code);
        }
    }

    private JsonNode openApi() {
        ConformanceClient.Response document = client.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        return document.body();
    }

    /**
     * Event types the service records by itself after the request that set it off was answered (the audit service's end
     * of a replay): the hostile-input check leaves them out of what it counts as stored and published, or they would be
     * taken for a refused request's. None by default.
     */
    protected java.util.Set<String> typesRecordedAfterTheRequest() {
        return java.util.Set.of();
    }

    private long storedEvents() {
        java.util.Set<String> later = typesRecordedAfterTheRequest();
        if (!later.isEmpty()) {
            return serviceDatabase.getCollection(EventDocuments.COLLECTION).countDocuments(com.mongodb.client.model.Filters.nin("type", later));
        }
        return serviceDatabase.getCollection(EventDocuments.COLLECTION).estimatedDocumentCount(); // O(1) on both servers; countDocuments scans
    }

    private void awaitOutboxEmpty() {
        Eventually.that(Duration.ofSeconds(30), () -> assertThat(serviceDatabase.getCollection(Outbox.COLLECTION).countDocuments()).isZero());
    }

    private long publishedRecords() {
        String servers = context.getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
        java.util.Set<String> later = typesRecordedAfterTheRequest();
        return context.getBean(org.dangjian.runtime.config.ServiceTopics.class).topics().stream()
                .mapToLong(topic -> later.isEmpty() ? Topics.publishedRecords(servers, topic.name())
                        : Topics.records(servers, topic.name()).stream().filter(record -> !later.contains(record.type())).count()).sum();
    }

    private Document claim(String key) {
        Document claim = serviceDatabase.getCollection("idempotency_keys")
                .find(eq("_id", CommandDispatcher.scope("conformance-creator", new IdempotencyKey(key)))).first();
        assertThat(claim).as("the first request's claim").isNotNull();
        return claim;
    }

    private List<StoredEvent> eventsWithKey(String aggregateId, String key) {
        return store.readStream(aggregateId, 0).stream().filter(e -> key.equals(e.idempotencyKey())).toList();
    }

    private void awaitNoLag() {
        Eventually.that(Duration.ofSeconds(30), () -> {
            JsonNode models = client.get("/actuator/readmodels", operator).body();
            models.properties().forEach(model -> assertThat(model.getValue().path("lag").asLong()).as(model.getKey()).isZero());
        });
    }

    private Map<String, List<Document>> contents(Map<String, List<String>> owners) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (List<String> collections : owners.values()) {
            for (String collection : collections) {
                all.put(collection, serviceDatabase.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            }
        }
        return all;
    }

}
