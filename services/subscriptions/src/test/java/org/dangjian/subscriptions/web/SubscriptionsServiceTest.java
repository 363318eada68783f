package org.dangjian.subscriptions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.EventTypes;
import org.dangjian.contracts.PublishedLanguage;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MemberDesignatedActivist;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.subscriptions.delivery.DeliveryJournal;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.SseClient;
import org.dangjian.testsupport.TestInfrastructure;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.dangjian.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The subscriptions service over HTTP on the embedded infrastructure, with the other services stood in for by their
 * events on their topics: a department's stream that disconnects and resumes from Last-Event-ID loses nothing and gets
 * nothing twice; a webhook that fails twice gets the event on the third try, signed as documented; a dead letter is
 * redelivered on request; a department never receives a type it was not granted (every type of every service
 * published once, the restricted topic included); personal data per grant; a subtree grant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"dangjian.subscriptions.poll-interval=100ms",
        "dangjian.subscriptions.initial-backoff=200ms", "dangjian.subscriptions.max-attempts=3", "dangjian.subscriptions.gap-wait=1s",
        "dangjian.subscriptions.unit-wait=3s"})
@UsePlatformInfrastructure
class SubscriptionsServiceTest {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", COMMITTEE);
    static final String AUDITOR = TestTokens.forUser("shenji", "AUDITOR", COMMITTEE);
    static final String RENSHI = TestTokens.forUser("renshi-department", "DEPARTMENT", null);
    static final String JIWEI = TestTokens.forUser("jiwei-department", "DEPARTMENT", null);
    static final String APPLIED = EventTypes.of(MembershipApplicationReceived.class);
    static final String ACTIVIST = EventTypes.of(MemberDesignatedActivist.class);
    static final Duration WAIT = Duration.ofSeconds(20);

    static final Map<String, ForeignEvents> PRODUCERS = new HashMap<>();

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties properties;
    @Autowired
    MongoDatabase serviceDatabase;
    @Autowired
    org.dangjian.subscriptions.delivery.KafkaDelivery delivery;

    JsonApi api;

    @BeforeEach
    void setUp() {
        api = new JsonApi("http://localhost:" + port);
    }

    @AfterAll
    static void closeProducers() {
        PRODUCERS.values().forEach(ForeignEvents::close);
        PRODUCERS.clear();
    }

    private ForeignEvents producer(String service, boolean restricted) {
        String topic = restricted ? properties.restrictedTopicOf(service) : properties.topicOf(service);
        return PRODUCERS.computeIfAbsent(topic, t -> new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), t, service,
                "Stand-in"));
    }

    private JsonApi.Response ok(JsonApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body() == null ? "" : answer.body().toString()).isEqualTo(status);
        return answer;
    }

    /** A department asks, staff grant: the subscription's id once the grant shows. */
    private String granted(String department, Map<String, Object> request, List<String> grantTypes, List<String> grantPersonal) {
        JsonNode asked = ok(api.post("/subscriptions", department, request, Map.of()), 201).body();
        String id = asked.get("id").asString();
        long sequence = ok(api.post("/subscriptions/" + id + "/grant", STAFF, Map.of("eventTypes", grantTypes, "personalData", grantPersonal,
                "deliverHistory", false, "reason", "经党委会研究同意"), Map.of()), 200).body().get("sequence").asLong();
        ok(api.get("/subscriptions/" + id + "?minSequence=" + sequence, department), 200);
        return id;
    }

    private String member(String branch, String name) {
        String member = UUID.randomUUID().toString();
        producer("members", false).publish(member, new MembershipApplicationReceived(member, name, Gender.FEMALE, LocalDate.of(1990, 5, 1),
                "110105199005010026", "13800000000", "北京市东城区", branch, LocalDate.of(2024, 1, 1), "user-" + member.substring(0, 8), null));
        return member;
    }

    private SseClient stream(String id, String token, String lastEventId) {
        SseClient client = new SseClient(URI.create("http://localhost:" + port + "/subscriptions/" + id + "/events"), token, lastEventId);
        assertThat(client.status()).as(String.valueOf(client.body())).isEqualTo(200);
        assertThat(client.contentType()).startsWith("text/event-stream");
        return client;
    }

    @Test
    void aStreamThatDisconnectsAndResumesFromLastEventIdLosesNothingAndGetsNothingTwice() {
        String id = granted(RENSHI, Map.of("eventTypes", List.of(APPLIED), "channel", "SSE", "purpose", "干部人事档案"), List.of(APPLIED), List.of());
        String branch = UUID.randomUUID().toString();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            published.add(member(branch, "成员" + i));
        }
        List<SseClient.Event> first;
        try (SseClient client = stream(id, RENSHI, null)) {
            first = client.take(2, WAIT);
        } // gone after two
        for (int i = 4; i < 7; i++) {
            published.add(member(branch, "成员" + i));
        }
        List<SseClient.Event> rest;
        try (SseClient client = stream(id, RENSHI, first.get(1).id())) {
            rest = client.take(5, WAIT);
            assertThat(client.next(Duration.ofSeconds(1))).as("nothing more, nothing twice").isNull();
        }
        List<String> received = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (SseClient.Event event : concat(first, rest)) {
            JsonNode cloudEvent = JsonApi.JSON.readTree(event.data());
            assertThat(cloudEvent.get("type").asString()).isEqualTo(APPLIED);
            assertThat(cloudEvent.get("dangjianposition").asString()).isEqualTo(event.id());
            received.add(cloudEvent.get("subject").asString());
            positions.add(Long.parseLong(event.id()));
        }
        // seven members are seven keys, spread over the topic's partitions: the journal numbers them in the order they
        // arrived, which need not be the order they were published; what a stream promises is position order
        assertThat(received).as("every event once").containsExactlyInAnyOrderElementsOf(published);
        assertThat(positions).isSorted().doesNotHaveDuplicates();

        // a stream resumed from its last id gets nothing more; each event is on the delivery log, auditors read it
        try (SseClient client = stream(id, RENSHI, rest.get(4).id())) {
            assertThat(client.next(Duration.ofSeconds(1))).isNull();
        }
        JsonNode log = ok(api.get("/deliveries?subscriptionId=" + id + "&size=50", AUDITOR), 200).body();
        assertThat(log.get("total").asLong()).isEqualTo(7);
        assertThat(log.get("items").get(0).get("state").asString()).isEqualTo("DELIVERED");
        assertThat(log.get("items").get(0).get("channel").asString()).isEqualTo("SSE");
        // another department neither reads it nor opens its stream; a revoked one ends
        assertThat(api.get("/subscriptions/" + id, JIWEI).status()).isEqualTo(404);
        SseClient other = new SseClient(URI.create("http://localhost:" + port + "/subscriptions/" + id + "/events"), JIWEI, null);
        assertThat(other.status()).isEqualTo(404);
        assertThat(api.get("/deliveries?subscriptionId=" + id, JIWEI).body().get("total").asLong()).isZero();
        try (SseClient client = stream(id, RENSHI, rest.get(4).id())) {
            ok(api.post("/subscriptions/" + id + "/revocation", STAFF, Map.of("reason", "停止共享"), Map.of()), 200);
            SseClient.Event ended = client.next(WAIT);
            assertThat(ended).isNotNull();
            assertThat(ended.name()).isEqualTo("subscription-ended");
        }
        assertThat(new SseClient(URI.create("http://localhost:" + port + "/subscriptions/" + id + "/events"), RENSHI, null).status()).isEqualTo(409);
        assertThat(new SseClient(URI.create("http://localhost:" + port + "/subscriptions/" + id + "/events"), RENSHI, "abc").status())
                .isEqualTo(400);
    }

    @Test
    void aWebhookThatFailsTwiceGetsTheEventOnTheThirdTrySignedAndADeadLetterIsRedeliveredOnRequest() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver(() -> calls.incrementAndGet() <= 2 ? 500 : 204)) {
            String id = granted(RENSHI, Map.of("eventTypes", List.of(APPLIED), "channel", "WEBHOOK", "webhookUrl", receiver.uri("/hook").toString(),
                    "purpose", "干部人事档案"), List.of(APPLIED), List.of());
            String secret = ok(api.get("/subscriptions/" + id + "/webhook-secret", RENSHI), 200).body().get("secret").asString();
            assertThat(api.get("/subscriptions/" + id + "/webhook-secret", JIWEI).status()).isEqualTo(404);
            String member = member(UUID.randomUUID().toString(), "王芳");
            Eventually.that(WAIT, () -> assertThat(receiver.posts()).hasSize(3));
            WebhookReceiver.Post third = receiver.posts().get(2);
            assertThat(third.header("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(JsonApi.JSON.readTree(third.text()).get("subject").asString()).isEqualTo(member);
            assertThat(validSignature(third, secret)).as("the signature checks with the department's secret").isTrue();
            assertThat(validSignature(third, secret + "x")).isFalse();
            assertThat(receiver.posts()).extracting(WebhookReceiver.Post::text).containsOnly(third.text());
            Eventually.that(WAIT, () -> {
                JsonNode delivery = ok(api.get("/deliveries?subscriptionId=" + id, AUDITOR), 200).body().get("items").get(0);
                assertThat(delivery.get("state").asString()).isEqualTo("DELIVERED");
                assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
                assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
            });

            // every try fails: after three it is a dead letter, and the next event goes on
            receiver.answer(() -> 503);
            String lost = member(UUID.randomUUID().toString(), "李娜");
            Eventually.that(WAIT, () -> assertThat(ok(api.get("/deliveries?subscriptionId=" + id + "&state=DEAD_LETTER", STAFF), 200).body()
                    .get("total").asLong()).isEqualTo(1));
            JsonNode dead = api.get("/deliveries?subscriptionId=" + id + "&state=DEAD_LETTER", RENSHI).body().get("items").get(0);
            assertThat(dead.get("subject").asString()).isEqualTo(lost);
            assertThat(dead.get("lastError").asString()).isEqualTo("HTTP 503");
            receiver.answer(() -> 200);
            String next = member(UUID.randomUUID().toString(), "赵敏");
            Eventually.that(WAIT, () -> assertThat(receiver.posts().stream().map(p -> JsonApi.JSON.readTree(p.text()).get("subject").asString()))
                    .contains(next));
            assertThat(api.post("/deliveries/" + dead.get("id").asString() + "/redelivery", AUDITOR, Map.of(), Map.of()).status()).isEqualTo(403);
            assertThat(api.post("/deliveries/" + dead.get("id").asString() + "/redelivery", JIWEI, Map.of(), Map.of()).status()).isEqualTo(404);
            ok(api.post("/deliveries/" + dead.get("id").asString() + "/redelivery", RENSHI, Map.of(), Map.of()), 202);
            Eventually.that(WAIT, () -> {
                List<WebhookReceiver.Post> posts = receiver.posts();
                WebhookReceiver.Post last = posts.get(posts.size() - 1);
                assertThat(JsonApi.JSON.readTree(last.text()).get("subject").asString()).isEqualTo(lost);
                assertThat(validSignature(last, secret)).isTrue();
            });
            Eventually.that(WAIT, () -> assertThat(ok(api.get("/deliveries?subscriptionId=" + id + "&state=DEAD_LETTER", STAFF), 200).body()
                    .get("total").asLong()).isZero());
            assertThat(api.post("/deliveries/" + dead.get("id").asString() + "/redelivery", STAFF, Map.of(), Map.of()).code())
                    .isEqualTo("NOT_A_DEAD_LETTER");
        }
    }

    @Test
    void aKafkaSubscriptionGetsItsGrantedEventsOnATopicOfItsOwnInBinaryModeWithPersonalDataLeftOut() {
        assertThat(api.post("/subscriptions", RENSHI, Map.of("eventTypes", List.of(APPLIED), "channel", "KAFKA", "webhookUrl", "https://x.example/h",
                "purpose", "档案"), Map.of()).code()).isEqualTo("WEBHOOK_URL_NOT_USED");
        String id = granted(RENSHI, Map.of("eventTypes", List.of(APPLIED), "personalData", List.of("NAME", "PHONE"), "channel", "KAFKA",
                "purpose", "干部人事档案"), List.of(APPLIED), List.of("NAME"));
        String first = member(UUID.randomUUID().toString(), "孙丽");
        String second = member(UUID.randomUUID().toString(), "钱伟");
        String topic = delivery.topicOf("renshi-department", id);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                Map.of("bootstrap.servers", TestInfrastructure.endpoints().kafkaBootstrapServers(), "group.id", "renshi-department-" + id,
                        "auto.offset.reset", "earliest"), new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            Eventually.that(WAIT, () -> {
                consumer.subscribe(List.of(topic));
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSize(2);
            });
        }
        // two members, two keys, maybe two partitions of the members' topic: journal (arrival) order, not publication order
        assertThat(records).extracting(org.apache.kafka.clients.consumer.ConsumerRecord::key).containsExactlyInAnyOrder(first, second);
        assertThat(records).extracting(r -> Long.parseLong(header(r, "ce_dangjianposition"))).as("the topic in journal order").isSorted()
                .doesNotHaveDuplicates();
        records.sort(java.util.Comparator.comparing(r -> !first.equals(r.key())));
        org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(header(record, "ce_type")).isEqualTo(APPLIED);
        assertThat(header(record, "ce_subject")).isEqualTo(first);
        assertThat(header(record, "ce_hash")).matches("[0-9a-f]{64}");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_dangjianmasked").split(",")).contains("idCardNumber", "address").doesNotContain("name");
        JsonNode data = JsonApi.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(data.get("name").asString()).isEqualTo("孙丽");
        assertThat(data.has("idCardNumber")).isFalse();
        Eventually.that(WAIT, () -> {
            JsonNode log = ok(api.get("/deliveries?subscriptionId=" + id, AUDITOR), 200).body();
            assertThat(log.get("total").asLong()).isEqualTo(2);
            assertThat(log.get("items").get(0).get("channel").asString()).isEqualTo("KAFKA");
            assertThat(log.get("items").get(0).get("state").asString()).isEqualTo("DELIVERED");
        });
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** What a receiver does (docs/subscribing.md): HMAC-SHA256 of "{t}.{body}" with the secret, hex, against v1. */
    private static boolean validSignature(WebhookReceiver.Post post, String secret) {
        try {
            return signatureChecks(post, secret);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean signatureChecks(WebhookReceiver.Post post, String secret) throws java.security.GeneralSecurityException {
        String header = post.header("Dangjian-Signature");
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(post.body())).equals(v1);
    }

    @Test
    void aDepartmentReceivesExactlyTheTypesGrantedAndNeverADisciplineOneAcrossEveryTypeOfEveryService() {
        List<String> grantable = new ArrayList<>();
        List<String> discipline = new ArrayList<>();
        for (PublishedLanguage.Service service : PublishedLanguage.services()) {
            for (Class<? extends Record> type : service.events()) {
                if (service.name().equals("discipline")) {
                    discipline.add(EventTypes.of(type));
                } else if (!type.getAnnotation(EventType.class).restricted()) {
                    grantable.add(EventTypes.of(type));
                }
            }
        }
        // a restricted type is refused at the request, each one
        for (PublishedLanguage.Service service : PublishedLanguage.services()) {
            for (Class<? extends Record> type : service.events()) {
                if (type.getAnnotation(EventType.class).restricted()) {
                    assertThat(api.post("/subscriptions", JIWEI, Map.of("eventTypes", List.of(EventTypes.of(type)), "channel", "SSE", "purpose", "案件"),
                            Map.of()).code()).isEqualTo("RESTRICTED_EVENT_TYPE");
                }
            }
        }
        List<String> open = discipline.stream().filter(t -> !t.contains(".Case") && grantableType(t)).toList();
        String everything = granted(RENSHI, Map.of("eventTypes", grantable, "channel", "SSE", "purpose", "全部非纪检事件"), grantable, List.of());
        String sanctions = granted(JIWEI, Map.of("eventTypes", open, "channel", "SSE", "purpose", "处分效力"), open, List.of());

        // one event of every type of every service, on its topic (restricted types on the restricted topic)
        Map<String, String> sent = new HashMap<>();
        for (PublishedLanguage.Service service : PublishedLanguage.services()) {
            for (Class<? extends Record> type : service.events()) {
                boolean restricted = type.getAnnotation(EventType.class).restricted();
                StoredEvent event = producer(service.name(), restricted).publish(UUID.randomUUID().toString(), sample(type, type));
                sent.put(event.eventId(), EventTypes.of(type));
            }
        }
        Set<String> expected = new HashSet<>();
        sent.forEach((eventId, type) -> {
            if (grantable.contains(type)) {
                expected.add(eventId);
            }
        });
        Set<String> received = receive(everything, RENSHI, sent.keySet(), expected.size());
        assertThat(received).as("every granted type, once").containsExactlyInAnyOrderElementsOf(expected);
        Set<String> commission = receive(sanctions, JIWEI, sent.keySet(), open.size());
        assertThat(commission.stream().map(sent::get)).containsExactlyInAnyOrderElementsOf(open);
        // the journal never held a restricted event: the restricted topic is not read
        for (Document entry : serviceDatabase.getCollection(DeliveryJournal.JOURNAL).find(Filters.in("eventId", sent.keySet()))) {
            assertThat(grantableType(entry.getString("type"))).as(entry.getString("type")).isTrue();
        }
    }

    private static boolean grantableType(String type) {
        return PublishedLanguage.services().stream().flatMap(s -> s.events().stream()).filter(t -> EventTypes.of(t).equals(type))
                .noneMatch(t -> t.getAnnotation(EventType.class).restricted());
    }

    /** The ids of the events of {@code among} a stream delivers, until {@code count} came and a second passed without more. */
    private Set<String> receive(String subscription, String token, Set<String> among, int count) {
        Set<String> received = new HashSet<>();
        try (SseClient client = stream(subscription, token, null)) {
            long deadline = System.nanoTime() + WAIT.toNanos() * 2;
            while (System.nanoTime() < deadline) {
                SseClient.Event event = client.next(received.size() >= count ? Duration.ofSeconds(1) : Duration.ofSeconds(5));
                if (event == null) {
                    if (received.size() >= count) {
                        break;
                    }
                    continue;
                }
                String eventId = JsonApi.JSON.readTree(event.data()).get("id").asString();
                if (among.contains(eventId)) {
                    assertThat(received.add(eventId)).as("delivered once: " + eventId).isTrue();
                }
            }
        }
        return received;
    }

    @Test
    void aSubtreeGrantWaitsForABranchItHasNotReadYetAndPassesAUnitThatNeverComes() {
        ForeignEvents organisation = producer("organisation", false);
        organisation.publish(COMMITTEE, new OrganisationUnitEstablished(COMMITTEE, OrganisationUnitKind.COMMITTEE, null, "机关党委", null, null));
        String known = UUID.randomUUID().toString();
        organisation.publish(known, new OrganisationUnitEstablished(known, OrganisationUnitKind.BRANCH, null, "第三党支部", COMMITTEE, null));
        String id = granted(RENSHI, Map.of("eventTypes", List.of(APPLIED), "organisationUnitId", COMMITTEE, "channel", "SSE", "purpose", "机关党委"),
                List.of(APPLIED), List.of());
        List<String> subjects = new ArrayList<>();
        String inLate;
        String inGhost;
        String inKnown;
        try (SseClient client = stream(id, RENSHI, null)) { // open first: the stream looks at each event as it is journaled
            // a member applies to a branch whose establishment the service reads only later (another topic, another consumer)
            String late = UUID.randomUUID().toString();
            inLate = member(late, "冯洁");
            assertThat(client.next(Duration.ofMillis(1500))).as("held while the branch is not known").isNull();
            organisation.publish(late, new OrganisationUnitEstablished(late, OrganisationUnitKind.BRANCH, null, "新设党支部", COMMITTEE, null));
            // a unit that is never established holds the stream up for unit-wait (3 s here), then counts as outside
            inGhost = member(UUID.randomUUID().toString(), "陈晨");
            inKnown = member(known, "褚明");
            for (SseClient.Event event : client.take(2, WAIT)) {
                subjects.add(JsonApi.JSON.readTree(event.data()).get("subject").asString());
            }
            assertThat(client.next(Duration.ofSeconds(1))).isNull();
        }
        assertThat(subjects).containsExactly(inLate, inKnown).doesNotContain(inGhost);
    }

    @Test
    void personalDataIsLeftOutUnlessTheGrantNamesItAndASubtreeGrantGetsItsSubtreeOnly() {
        String branchA = UUID.randomUUID().toString();
        String branchB = UUID.randomUUID().toString();
        ForeignEvents organisation = producer("organisation", false);
        organisation.publish(COMMITTEE, new OrganisationUnitEstablished(COMMITTEE, OrganisationUnitKind.COMMITTEE, null, "机关党委", null, null));
        organisation.publish(branchA, new OrganisationUnitEstablished(branchA, OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE, null));
        organisation.publish(branchB, new OrganisationUnitEstablished(branchB, OrganisationUnitKind.BRANCH, null, "第二党支部", COMMITTEE, null));
        List<String> types = List.of(APPLIED, ACTIVIST);
        String names = granted(RENSHI, Map.of("eventTypes", types, "organisationUnitId", COMMITTEE, "personalData", List.of("NAME", "ID_CARD_NUMBER"),
                "channel", "SSE", "purpose", "姓名"), types, List.of("NAME"));
        String idCards = granted(RENSHI, Map.of("eventTypes", types, "personalData", List.of("NAME", "ID_CARD_NUMBER"), "channel", "SSE", "purpose",
                "身份证号"), types, List.of("NAME", "ID_CARD_NUMBER"));
        String subtree = granted(RENSHI, Map.of("eventTypes", types, "organisationUnitId", branchA, "channel", "SSE", "purpose", "第一党支部"), types,
                List.of());
        String inA = member(branchA, "周敏");
        producer("members", false).publish(inA, new MemberDesignatedActivist(inA, LocalDate.of(2024, 3, 1), org.dangjian.contracts.members.DecidingBody.BRANCH_COMMITTEE, null));
        String inB = member(branchB, "吴刚");

        Map<String, JsonNode> byName = lastOf(names, 3);
        JsonNode masked = byName.get(inA + APPLIED);
        assertThat(masked.get("data").get("name").asString()).isEqualTo("周敏");
        assertThat(masked.get("data").has("idCardNumber")).isFalse();
        assertThat(masked.get("data").has("phone")).isFalse();
        assertThat(masked.get("data").has("username")).isFalse();
        assertThat(masked.get("data").get("branchId").asString()).isEqualTo(branchA);
        assertThat(masked.get("dangjianmasked").asString().split(",")).containsExactlyInAnyOrder("gender", "birthDate", "idCardNumber", "phone",
                "address", "username");
        JsonNode withId = lastOf(idCards, 3).get(inA + APPLIED);
        assertThat(withId.get("data").get("idCardNumber").asString()).isEqualTo("110105199005010026");
        assertThat(withId.get("dangjianmasked").asString().split(",")).doesNotContain("idCardNumber", "name");
        // the subtree of branch A: its member's application and the step that names no branch; not branch B's member
        Map<String, JsonNode> ofA = lastOf(subtree, 2);
        assertThat(ofA.keySet()).containsExactlyInAnyOrder(inA + APPLIED, inA + ACTIVIST);
        assertThat(ofA.keySet()).noneMatch(key -> key.startsWith(inB));
        JsonNode record = ok(api.get("/deliveries?subscriptionId=" + names, AUDITOR), 200).body().get("items");
        assertThat(record.toString()).contains("idCardNumber");
    }

    /** The events of a granted subscription's stream after the first {@code count}: by subject + type. */
    private Map<String, JsonNode> lastOf(String subscription, int count) {
        Map<String, JsonNode> events = new HashMap<>();
        try (SseClient client = stream(subscription, RENSHI, null)) {
            for (SseClient.Event event : client.take(count, WAIT)) {
                JsonNode cloudEvent = JsonApi.JSON.readTree(event.data());
                events.put(cloudEvent.get("subject").asString() + cloudEvent.get("type").asString(), cloudEvent);
            }
            assertThat(client.next(Duration.ofSeconds(1))).isNull();
        }
        return events;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A value of every component, for a record of any published type (the content does not matter to the delivery). */
    static Object sample(Class<?> type, Type generic) {
        if (type == String.class) {
            return UUID.randomUUID().toString();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 5);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-05T00:00:00Z");
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC);
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == short.class || type == Short.class) {
            return (short) 1;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        if (type == float.class || type == Float.class) {
            return 1.0f;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of();
        }
        if (Collection.class.isAssignableFrom(type)) {
            Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            Class<?> raw = element instanceof Class<?> c ? c : element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : String.class;
            Object value = sample(raw, element);
            return Set.class.isAssignableFrom(type) ? Set.of(value) : List.of(value);
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(components[i].getType(), components[i].getGenericType());
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type.getName(), e);
            }
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
