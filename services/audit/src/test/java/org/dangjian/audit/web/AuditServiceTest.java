package org.dangjian.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.sun.net.httpserver.HttpServer;
import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.Attendance;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.contracts.discipline.InspectionMode;
import org.dangjian.contracts.discipline.InspectionPlanned;
import org.dangjian.contracts.discipline.InspectionTarget;
import org.dangjian.contracts.members.AssessmentType;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MemberAssessmentConcluded;
import org.dangjian.contracts.members.MemberAssessmentCorrected;
import org.dangjian.contracts.members.MemberAssessmentOpened;
import org.dangjian.contracts.members.MemberPointsRecorded;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.TestInfrastructure;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The audit service over HTTP on the embedded infrastructure, the other services stood in for by their events on their
 * topics (and the organisation service's store by a stand-in of its {@code /streams/{id}} endpoint): timelines in order
 * with actors, hashes and cross-service causation; every kind of tampering named by subject and sequence; checkpoints
 * whose proofs verify outside the JVM with the documented script and openssl, and fail after a tail cut; as-of queries
 * that differ by occurred-at and recorded-at; and what each role may read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class AuditServiceTest {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String AUDITOR = TestTokens.forUser("shenji", "AUDITOR", COMMITTEE);
    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", COMMITTEE);
    static final Actor SECRETARY = new Actor("shuji", "BRANCH_SECRETARY", null);
    static final Actor STAFF_ACTOR = new Actor("dangwei", "COMMITTEE_STAFF", COMMITTEE);

    /** The organisation service's store, as its {@code GET /streams/{id}} would answer (a test makes it disagree). */
    static final Map<String, String> STORE = new ConcurrentHashMap<>();
    static final HttpServer STORE_SERVER = storeServer();

    /** Streams a test tampered with in the audit's own database (a full replay names them). */
    static final java.util.Set<String> TAMPERED = ConcurrentHashMap.newKeySet();

    static ForeignEvents organisationTopic;
    static ForeignEvents membersTopic;
    static ForeignEvents activitiesTopic;
    static ForeignEvents disciplineRestricted;
    static Streams units;
    static Streams memberRecords;
    static Streams assessments;
    static Streams activities;
    static Streams inspections;

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties properties;
    @Autowired
    MemberDirectoryReadModel directory;
    @Autowired
    MongoDatabase serviceDatabase;

    JsonApi api;
    String branch;
    String member;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("dangjian.audit.stores.organisation", () -> "http://127.0.0.1:" + STORE_SERVER.getAddress().getPort());
    }

    static HttpServer storeServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/streams/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/streams/".length());
                String body = STORE.get(id);
                byte[] bytes = (body == null ? "{\"code\":\"STREAM_NOT_FOUND\"}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", body == null ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        api = new JsonApi("http://localhost:" + port);
        if (organisationTopic == null) {
            String kafka = TestInfrastructure.endpoints().kafkaBootstrapServers();
            organisationTopic = new ForeignEvents(kafka, properties.topicOf("organisation"), "organisation", "OrganisationUnit");
            membersTopic = new ForeignEvents(kafka, properties.topicOf("members"), "members", "Member");
            activitiesTopic = new ForeignEvents(kafka, properties.topicOf("activities"), "activities", "Activity");
            disciplineRestricted = new ForeignEvents(kafka, properties.topicOf(InspectionPlanned.class), "discipline", "Inspection");
            units = new Streams(organisationTopic, "OrganisationUnit");
            memberRecords = new Streams(membersTopic, "Member");
            assessments = new Streams(membersTopic, "MemberAssessment");
            activities = new Streams(activitiesTopic, "Activity");
            inspections = new Streams(disciplineRestricted, "Inspection");
        }
        branch = UUID.randomUUID().toString();
        units.publish(branch, new OrganisationUnitEstablished(branch, OrganisationUnitKind.BRANCH, null, "综合受理窗口党支部", COMMITTEE, null),
                STAFF_ACTOR);
        member = UUID.randomUUID().toString();
        memberRecords.publish(member, new MembershipApplicationReceived(member, "张丽", Gender.FEMALE, LocalDate.of(1990, 5, 1),
                "110105199005010022", null, null, branch, LocalDate.of(2015, 1, 1), null, null), STAFF_ACTOR);
        Eventually.that(() -> assertThat(directory.member(member)).isPresent());
    }

    @AfterAll
    static void close() {
        if (organisationTopic != null) {
            organisationTopic.close();
            membersTopic.close();
            activitiesTopic.close();
            disciplineRestricted.close();
            organisationTopic = null;
        }
    }

    private JsonApi.Response ok(JsonApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer;
    }

    private JsonNode timeline(String service, String aggregateId, int events) {
        Eventually.that(() -> assertThat(ok(api.get("/timelines/" + service + "/" + aggregateId, AUDITOR), 200).body()
                .get("entries").get("items").size()).isEqualTo(events));
        return ok(api.get("/timelines/" + service + "/" + aggregateId, AUDITOR), 200).body();
    }

    private List<JsonNode> findings(String aggregateId) {
        JsonNode page = ok(api.get("/findings?aggregateId=" + aggregateId, AUDITOR), 200).body();
        List<JsonNode> found = new java.util.ArrayList<>();
        page.get("items").forEach(found::add);
        return found;
    }

    @Test
    void anAssessmentsTimelineIsInOrderWithActorsHashesAndCausationAcrossServices() {
        String assessment = UUID.randomUUID().toString();
        Actor secretary = new Actor("shuji", "BRANCH_SECRETARY", branch);
        StoredEvent opened = assessments.publish(assessment, new MemberAssessmentOpened(assessment, member, branch,
                AssessmentType.DEMOCRATIC_EVALUATION, "2024", null, LocalDate.of(2024, 12, 1)), secretary);
        StoredEvent concluded = assessments.publish(assessment, new MemberAssessmentConcluded(assessment, "QUALIFIED",
                Map.of("EXCELLENT", 3, "QUALIFIED", 9), LocalDate.of(2024, 12, 20), "支部党员大会表决"), secretary);
        // an attendance in the activities service, and the points the members service recorded because of it
        String activity = UUID.randomUUID().toString();
        StoredEvent attended = activities.publish(activity, new AttendanceRecorded(activity, ActivityKind.PARTY_LESSON, branch, member,
                Attendance.PRESENT, LocalDate.of(2024, 12, 5), null), secretary);
        StoredEvent points = memberRecords.publishCaused(member, new MemberPointsRecorded(member, 2024, 2, "ATTENDANCE_PRESENT", "2022.1",
                LocalDate.of(2024, 12, 5), "出席党课", attended.eventId(), attended.type()), Actor.service("members"), attended);

        JsonNode answer = timeline("members", assessment, 2);
        JsonNode entries = answer.get("entries").get("items");
        assertThat(entries.get(0).get("sequence").asLong()).isZero();
        assertThat(entries.get(0).get("type").asString()).isEqualTo("org.dangjian.members.MemberAssessmentOpened.v1");
        assertThat(entries.get(0).get("actor").get("id").asString()).isEqualTo("shuji");
        assertThat(entries.get(0).get("actor").get("role").asString()).isEqualTo("BRANCH_SECRETARY");
        assertThat(entries.get(0).get("actor").get("organisation").asString()).isEqualTo(branch);
        assertThat(entries.get(0).get("hash").asString()).isEqualTo(opened.hash());
        assertThat(entries.get(1).get("prevHash").asString()).isEqualTo(opened.hash());
        assertThat(entries.get(1).get("hash").asString()).isEqualTo(concluded.hash());
        assertThat(entries.get(1).get("reason").asString()).isEqualTo("支部党员大会表决");
        assertThat(entries.get(1).get("occurredAt")).isNotNull();
        assertThat(entries.get(1).get("recordedAt")).isNotNull();
        assertThat(answer.get("stream").get("count").asLong()).isEqualTo(2);
        assertThat(answer.get("stream").get("head").asString()).isEqualTo(concluded.hash());

        // the subject is found by kind and member
        Eventually.that(() -> assertThat(ok(api.get("/subjects?kind=democratic-evaluation&memberId=" + member, AUDITOR), 200).body()
                .get("items").get(0).get("aggregateId").asString()).isEqualTo(assessment));
        JsonNode subject = ok(api.get("/subjects?kind=democratic-evaluation&memberId=" + member, AUDITOR), 200).body().get("items").get(0);
        assertThat(subject.get("memberName").asString()).isEqualTo("张丽");
        assertThat(subject.get("label").asString()).isEqualTo("2024");
        assertThat(subject.get("events").asLong()).isEqualTo(2);

        // causation across services: the points name the attendance that caused them, the attendance the points it caused
        JsonNode memberEntries = timeline("members", member, 2).get("entries").get("items");
        JsonNode pointsEntry = memberEntries.get(1);
        assertThat(pointsEntry.get("eventId").asString()).isEqualTo(points.eventId());
        assertThat(pointsEntry.get("causedBy").get("service").asString()).isEqualTo("activities");
        assertThat(pointsEntry.get("causedBy").get("eventId").asString()).isEqualTo(attended.eventId());
        JsonNode attendance = timeline("activities", activity, 1).get("entries").get("items").get(0);
        assertThat(attendance.get("caused").get(0).get("service").asString()).isEqualTo("members");
        assertThat(attendance.get("caused").get(0).get("eventId").asString()).isEqualTo(points.eventId());

        // everything the secretary's request set off, across services: the attendance and the points
        Eventually.that(() -> assertThat(ok(api.get("/correlations/" + attended.correlationId(), AUDITOR), 200).body())
                .extracting(e -> e.get("eventId").asString()).containsExactly(attended.eventId(), points.eventId()));
        assertThat(ok(api.get("/correlations/" + UUID.randomUUID(), AUDITOR), 404).code()).isEqualTo("SUBJECT_NOT_WITNESSED");

        // the member's timeline gathers what names him in every service, in recording order
        JsonNode mine = ok(api.get("/members/" + member + "/timeline", AUDITOR), 200).body();
        assertThat(mine.get("items")).extracting(e -> e.get("service").asString()).contains("members", "activities");
        assertThat(mine.get("total").asLong()).isEqualTo(5);
        JsonNode ours = ok(api.get("/units/" + branch + "/timeline", AUDITOR), 200).body();
        assertThat(ours.get("items")).extracting(e -> e.get("aggregateId").asString()).contains(branch, assessment, activity);
        assertThat(findings(assessment)).isEmpty();
    }

    @Test
    void aRedeliveryChangesNothingButAnAlteredOrForkedOrDroppedOrMisHashedEventIsAFindingNamingItsStreamAndSequence() {
        String assessment = UUID.randomUUID().toString();
        StoredEvent opened = assessments.publish(assessment, new MemberAssessmentOpened(assessment, member, branch, AssessmentType.COMPREHENSIVE,
                "2024", "2022.1", LocalDate.of(2024, 12, 1)), SECRETARY);
        StoredEvent concluded = assessments.publish(assessment, new MemberAssessmentConcluded(assessment, "EXCELLENT", null,
                LocalDate.of(2024, 12, 20), "综合评定"), SECRETARY);
        assessments.send(opened); // a plain redelivery
        assessments.send(concluded);
        timeline("members", assessment, 2);

        // altered after publication and published again with its hash recomputed
        assessments.send(Streams.altered(concluded, concluded.data().replace("EXCELLENT", "QUALIFIED")));
        // another event at sequence 1: a fork
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredEvent fork = new Streams(membersTopic, "MemberAssessment").next(assessment, new MemberAssessmentConcluded(assessment, "BASIC",
                null, LocalDate.of(2024, 12, 21), "另一结论"), SECRETARY, now, now, null);
        // (the fork helper starts a fresh chain; give it sequence 1 after the real head)
        StoredEvent forked = new StoredEvent(fork.eventId(), assessment, "MemberAssessment", 1, fork.type(), fork.data(), now, now, SECRETARY,
                fork.eventId(), null, null, opened.hash(), hashOf(fork.eventId(), fork.type(), assessment, 1, now, fork.data(), opened.hash()), true);
        assessments.send(forked);
        // sequence 2 dropped: 3 arrives after 1
        StoredEvent two = assessments.next(assessment, new MemberAssessmentCorrected(assessment, "EXCELLENT", "QUALIFIED",
                LocalDate.of(2024, 12, 22), "复核"), SECRETARY, now, now, null);
        assessments.skip(two);
        StoredEvent three = assessments.publish(assessment, new MemberAssessmentCorrected(assessment, "QUALIFIED", "EXCELLENT",
                LocalDate.of(2024, 12, 23), "再复核"), SECRETARY);
        // an event whose content was changed without its hash
        String other = UUID.randomUUID().toString();
        StoredEvent genuine = assessments.next(other, new MemberAssessmentOpened(other, member, branch, AssessmentType.COMPREHENSIVE, "2023",
                "2022.1", LocalDate.of(2023, 12, 1)), SECRETARY, now, now, null);
        assessments.skip(genuine);
        assessments.send(Streams.alteredKeepingHash(genuine, genuine.data().replace("2023", "2022")));

        Eventually.that(() -> assertThat(findings(assessment)).extracting(f -> f.get("kind").asString() + "@" + f.get("sequence").asLong())
                .contains("ALTERED_REDELIVERY@1", "FORK@1", "SEQUENCE_GAP@2"));
        Eventually.that(() -> assertThat(findings(other)).extracting(f -> f.get("kind").asString() + "@" + f.get("sequence").asLong())
                .contains("HASH_MISMATCH@0"));
        JsonNode altered = findings(assessment).stream().filter(f -> f.get("kind").asString().equals("ALTERED_REDELIVERY")).findFirst().get();
        assertThat(altered.get("detail").asString()).contains(concluded.hash()).contains("data.result");
        assertThat(altered.get("service").asString()).isEqualTo("members");
        assertThat(altered.get("status").asString()).isEqualTo("OPEN");
        // the first delivery is the record; the gap stays open while sequence 2 is missing, and closes when it arrives
        JsonNode stream = timeline("members", assessment, 3).get("stream");
        assertThat(stream.get("count").asLong()).as("events from 0 without a gap").isEqualTo(2);
        assertThat(stream.get("head").asString()).isEqualTo(concluded.hash());
        assessments.send(two);
        Eventually.that(() -> assertThat(findings(assessment)).filteredOn(f -> f.get("kind").asString().equals("SEQUENCE_GAP"))
                .extracting(f -> f.get("status").asString()).containsExactly("RESOLVED"));
        assertThat(timeline("members", assessment, 4).get("stream").get("head").asString()).isEqualTo(three.hash());
        // the metric counts what is open
        assertThat(ok(api.get("/integrity", AUDITOR), 200).body().get("openFindings").get("FORK").asLong()).isPositive();
    }

    private static String hashOf(String id, String type, String aggregateId, long sequence, Instant at, String data, String prevHash) {
        return new org.dangjian.runtime.eventstore.CanonicalEvent(id, type, aggregateId, "MemberAssessment", sequence, at, at, SECRETARY, id, null,
                data, prevHash).hash();
    }

    @Test
    void aVerificationComparesWithTheStoreAndNamesATailCutARewrittenHeadAndADeletedStream() {
        String cut = UUID.randomUUID().toString();
        String rewritten = UUID.randomUUID().toString();
        String deleted = UUID.randomUUID().toString();
        StoredEvent cutFirst = null;
        StoredEvent rewrittenHead = null;
        for (String unit : List.of(cut, rewritten, deleted)) {
            StoredEvent first = units.publish(unit, new OrganisationUnitEstablished(unit, OrganisationUnitKind.BRANCH, null, "第" + unit.substring(0, 4)
                    + "党支部", COMMITTEE, null), STAFF_ACTOR);
            StoredEvent second = units.publish(unit, new org.dangjian.contracts.organisation.OrganisationUnitRenamed(unit, "旧名", "新名", "调整"),
                    STAFF_ACTOR);
            if (unit.equals(cut)) {
                cutFirst = first;
            }
            if (unit.equals(rewritten)) {
                rewrittenHead = second;
            }
        }
        timeline("organisation", deleted, 2);
        timeline("organisation", cut, 2);
        timeline("organisation", rewritten, 2);
        STORE.put(cut, store(cut, 0, cutFirst.hash()));                        // the store lost sequence 1
        STORE.put(rewritten, store(rewritten, 1, "ab".repeat(32)));             // sequence 1 rewritten, its hash recomputed
        STORE.remove(deleted);                                                  // the whole stream deleted
        assertThat(rewrittenHead).isNotNull();

        for (String unit : List.of(cut, rewritten, deleted)) {
            JsonNode created = ok(api.post("/verifications", AUDITOR, Map.of("service", "organisation", "aggregateId", unit), Map.of()), 201).body();
            JsonNode verification = ok(api.get("/verifications/" + created.get("id").asString() + "?minSequence=0", AUDITOR), 200).body();
            assertThat(verification.get("storesCompared").asLong()).isEqualTo(1);
            assertThat(verification.get("intact").asBoolean()).isFalse();
            JsonNode finding = verification.get("findings").get(0);
            assertThat(finding.get("aggregateId").asString()).isEqualTo(unit);
            String expected = unit.equals(cut) ? "STORE_BEHIND@1" : unit.equals(rewritten) ? "STORE_HEAD_DIFFERS@1" : "STORE_MISSING@0";
            assertThat(finding.get("kind").asString() + "@" + finding.get("sequence").asLong()).isEqualTo(expected);
        }
        // the findings list shows them too, open until a later verification no longer finds them
        assertThat(findings(cut)).extracting(f -> f.get("kind").asString() + " " + f.get("status").asString()).contains("STORE_BEHIND OPEN");
        STORE.put(cut, store(cut, 1, timeline("organisation", cut, 2).get("stream").get("head").asString())); // restored from a backup
        ok(api.post("/verifications", AUDITOR, Map.of("service", "organisation", "aggregateId", cut), Map.of()), 201);
        Eventually.that(() -> assertThat(findings(cut)).extracting(f -> f.get("kind").asString() + " " + f.get("status").asString())
                .containsExactly("STORE_BEHIND RESOLVED"));
        // and a stream the store agrees with verifies intact
        String fine = UUID.randomUUID().toString();
        StoredEvent only = units.publish(fine, new OrganisationUnitEstablished(fine, OrganisationUnitKind.BRANCH, null, "好支部", COMMITTEE, null),
                STAFF_ACTOR);
        timeline("organisation", fine, 1);
        STORE.put(fine, store(fine, 0, only.hash()));
        JsonNode created = ok(api.post("/verifications", AUDITOR, Map.of("service", "organisation", "aggregateId", fine), Map.of()), 201).body();
        JsonNode intact = ok(api.get("/verifications/" + created.get("id").asString() + "?minSequence=0", AUDITOR), 200).body();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(ok(api.post("/verifications", STAFF, Map.of(), Map.of()), 403).code()).isEqualTo("FORBIDDEN");
    }

    private static String store(String id, long headSequence, String headHash) {
        return "{\"service\":\"organisation\",\"aggregateId\":\"" + id + "\",\"aggregateType\":\"OrganisationUnit\",\"headSequence\":" + headSequence
                + ",\"headHash\":\"" + headHash + "\",\"verification\":{\"aggregateId\":\"" + id + "\",\"eventsChecked\":" + (headSequence + 1)
                + ",\"intact\":true,\"lastHash\":\"" + headHash + "\"}}";
    }

    @Test
    void aCheckpointsProofsVerifyOutsideTheJvmAndATailCutFailsTheConsistencyProof() throws Exception {
        String unit = UUID.randomUUID().toString();
        units.publish(unit, new OrganisationUnitEstablished(unit, OrganisationUnitKind.BRANCH, null, "检查点党支部", COMMITTEE, null), STAFF_ACTOR);
        units.publish(unit, new org.dangjian.contracts.organisation.OrganisationUnitRenamed(unit, "检查点党支部", "检查点第一党支部", "调整"), STAFF_ACTOR);
        timeline("organisation", unit, 2);
        long first = number(ok(api.post("/checkpoints", AUDITOR, Map.of(), Map.of()), 201));
        Path key = Files.createTempFile("audit-key", ".pem");
        Files.writeString(key, ok(api.get("/checkpoints/key", STAFF), 200).body().get("publicKeyPem").asString());

        JsonNode inclusion = ok(api.get("/checkpoints/" + first + "/inclusion?service=organisation&aggregateId=" + unit, AUDITOR), 200).body();
        assertThat(inclusion.get("leaf").get("count").asLong()).isEqualTo(2);
        assertThat(script(key, inclusion)).startsWith("VERIFIED");
        // a forged leaf (one event fewer) does not verify
        ((tools.jackson.databind.node.ObjectNode) inclusion.get("leaf")).put("count", 1);
        assertThat(script(key, inclusion)).startsWith("NOT VERIFIED");

        units.publish(unit, new org.dangjian.contracts.organisation.OrganisationUnitRenamed(unit, "检查点第一党支部", "检查点党支部", "再调整"), STAFF_ACTOR);
        timeline("organisation", unit, 3);
        long second = number(ok(api.post("/checkpoints", AUDITOR, Map.of(), Map.of()), 201));
        JsonNode consistent = ok(api.get("/checkpoints/" + second + "/consistency?from=" + first + "&service=organisation&aggregateId=" + unit,
                AUDITOR), 200).body();
        assertThat(consistent.get("consistent").asBoolean()).isTrue();
        assertThat(script(key, consistent)).startsWith("VERIFIED");

        // someone with access to the audit database cuts the stream's tail (and fixes its head to match)
        String stream = "organisation|" + unit;
        TAMPERED.add(stream);
        serviceDatabase.getCollection("ledger_events").deleteMany(Filters.and(Filters.eq("stream", stream), Filters.gt("sequence", 0L)));
        String firstHash = serviceDatabase.getCollection("ledger_events").find(Filters.eq("_id", stream + "|0")).first().getString("hash");
        serviceDatabase.getCollection("ledger_streams").updateOne(Filters.eq("_id", stream),
                Updates.combine(Updates.set("count", 1L), Updates.set("head", firstHash), Updates.set("maxSequence", 0L)));
        long third = number(ok(api.post("/checkpoints", AUDITOR, Map.of(), Map.of()), 201));
        JsonNode cut = ok(api.get("/checkpoints/" + third + "/consistency?from=" + second + "&service=organisation&aggregateId=" + unit, AUDITOR),
                200).body();
        assertThat(cut.get("consistent").asBoolean()).isFalse();
        assertThat(cut.get("problems").get(0).get("problem").asString()).isEqualTo("SHORTER");
        assertThat(script(key, cut)).startsWith("NOT VERIFIED").contains("cut");
        JsonNode whole = ok(api.get("/checkpoints/" + third + "/consistency?from=" + second, AUDITOR), 200).body();
        assertThat(whole.get("consistent").asBoolean()).isFalse();
        assertThat(whole.get("problems")).extracting(p -> p.get("aggregateId").asString()).containsExactly(unit);
        // and a verification says the record no longer holds what checkpoint 2 holds... (checkpoint 3 is the latest: compare with 2)
        JsonNode statement = ok(api.get("/checkpoints/" + third, STAFF), 200).body();
        assertThat(statement.get("previous").asString()).isEqualTo(sha256(ok(api.get("/checkpoints/" + second, STAFF), 200).body()
                .get("statement").asString()));
    }

    private static long number(JsonApi.Response created) {
        String location = created.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs docs/audit/verify-checkpoint.py (python3 and openssl, nothing of the platform) on a proof; its first line. */
    private static String script(Path key, JsonNode proof) throws Exception {
        Path file = Files.createTempFile("proof", ".json");
        Files.writeString(file, proof.toString());
        Path script = Path.of("../../docs/audit/verify-checkpoint.py").toAbsolutePath().normalize();
        Process process = new ProcessBuilder("python3", script.toString(), key.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        assertThat(process.exitValue()).as(output).isEqualTo(output.startsWith("VERIFIED") ? 0 : 1);
        return output;
    }

    @Test
    void aSubjectCorrectedAfterTheFactAnswersDifferentlyByOccurredAtAndByRecordedAt() {
        String assessment = UUID.randomUUID().toString();
        Instant opened = Instant.parse("2024-12-01T02:00:00Z");
        Instant concluded = Instant.parse("2024-12-20T02:00:00Z");
        Instant correctedAsOf = Instant.parse("2024-12-21T02:00:00Z");   // the correction took effect on the 21st ...
        Instant correctedRecorded = Instant.parse("2025-02-10T02:00:00Z"); // ... but was entered in February
        assessments.publish(assessment, new MemberAssessmentOpened(assessment, member, branch, AssessmentType.DEMOCRATIC_EVALUATION, "2024", null,
                LocalDate.of(2024, 12, 1)), SECRETARY, opened, opened, null);
        assessments.publish(assessment, new MemberAssessmentConcluded(assessment, "QUALIFIED", null, LocalDate.of(2024, 12, 20), "表决"),
                SECRETARY, concluded, concluded, null);
        assessments.publish(assessment, new MemberAssessmentCorrected(assessment, "QUALIFIED", "EXCELLENT", LocalDate.of(2024, 12, 21),
                "计票有误，更正"), SECRETARY, correctedAsOf, correctedRecorded, null);
        timeline("members", assessment, 3);

        String base = "/timelines/members/" + assessment;
        JsonNode byOccurred = ok(api.get(base + "/as-of?at=2025-01-01T00:00:00Z&by=OCCURRED", AUDITOR), 200).body();
        JsonNode byRecorded = ok(api.get(base + "/as-of?at=2025-01-01T00:00:00Z&by=RECORDED", AUDITOR), 200).body();
        assertThat(byOccurred.get("state").get("result").asString()).isEqualTo("EXCELLENT");
        assertThat(byOccurred.get("eventsIncluded").asInt()).isEqualTo(3);
        assertThat(byRecorded.get("state").get("result").asString()).isEqualTo("QUALIFIED");
        assertThat(byRecorded.get("eventsIncluded").asInt()).isEqualTo(2);
        assertThat(byRecorded.get("eventsAfter").asInt()).isEqualTo(1);
        JsonNode before = ok(api.get(base + "/as-of?at=2024-12-10T00:00:00Z", AUDITOR), 200).body();
        assertThat(before.get("state").has("result")).isFalse();
        assertThat(before.get("state").get("lastEvent").asString()).isEqualTo("org.dangjian.members.MemberAssessmentOpened.v1");

        JsonNode difference = ok(api.get(base + "/difference?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z&by=RECORDED", AUDITOR), 200).body();
        assertThat(difference.get("events")).extracting(e -> e.get("sequence").asLong()).containsExactly(2L);
        assertThat(difference.get("changes")).anySatisfy(change -> {
            assertThat(change.get("field").asString()).isEqualTo("result");
            assertThat(change.get("before").asString()).isEqualTo("QUALIFIED");
            assertThat(change.get("after").asString()).isEqualTo("EXCELLENT");
        });
        assertThat(ok(api.get(base + "/difference?from=2025-03-01T00:00:00Z&to=2025-01-01T00:00:00Z", AUDITOR), 400).code())
                .isEqualTo("AS_OF_NOT_IN_ORDER");
    }

    @Test
    void eachRoleReadsWhatItMaySeeAndDisciplineContentOnlyDisciplineRolesAndAuditors() {
        String inspection = UUID.randomUUID().toString();
        inspections.publish(inspection, new InspectionPlanned(inspection, InspectionTarget.WINDOW, "综合受理窗口", branch, InspectionMode.UNANNOUNCED,
                LocalDate.of(2024, 11, 2), List.of("赵纪检"), "在岗情况"), new Actor("jijian", "DISCIPLINE_INSPECTOR", COMMITTEE));
        String assessment = UUID.randomUUID().toString();
        assessments.publish(assessment, new MemberAssessmentOpened(assessment, member, branch, AssessmentType.COMPREHENSIVE, "2024", "2022.1",
                LocalDate.of(2024, 12, 1)), SECRETARY);
        timeline("discipline", inspection, 1);
        timeline("members", assessment, 1);
        String inspector = TestTokens.forUser("jijian", "DISCIPLINE_INSPECTOR", COMMITTEE);
        String secretary = TestTokens.forUser("shuji", "BRANCH_SECRETARY", branch);
        String otherSecretary = TestTokens.forUser("shuji2", "BRANCH_SECRETARY", UUID.randomUUID().toString());
        String department = TestTokens.forUser("renshi-department", "DEPARTMENT", null);

        assertThat(ok(api.get("/timelines/discipline/" + inspection, inspector), 200).body().get("stream").get("restricted").asBoolean()).isTrue();
        assertThat(ok(api.get("/timelines/discipline/" + inspection, STAFF), 404).code()).isEqualTo("STREAM_NOT_WITNESSED");
        assertThat(ok(api.get("/timelines/discipline/" + inspection, secretary), 404).code()).isEqualTo("STREAM_NOT_WITNESSED");
        assertThat(ok(api.get("/subjects?kind=inspection", STAFF), 200).body().toString()).doesNotContain(inspection);
        assertThat(ok(api.get("/subjects?kind=inspection", AUDITOR), 200).body().toString()).contains(inspection);
        assertThat(ok(api.get("/units/" + branch + "/timeline?size=200", STAFF), 200).body().toString()).doesNotContain(inspection);

        ok(api.get("/timelines/members/" + assessment, secretary), 200);
        assertThat(ok(api.get("/timelines/members/" + assessment, otherSecretary), 404).code()).isEqualTo("STREAM_NOT_WITNESSED");
        ok(api.get("/units/" + branch + "/timeline", secretary), 200);
        assertThat(ok(api.get("/units/" + branch + "/timeline", otherSecretary), 404).code()).isEqualTo("SUBJECT_NOT_WITNESSED");
        assertThat(ok(api.get("/timelines/members/" + assessment, department), 403).code()).isEqualTo("FORBIDDEN");
        assertThat(ok(api.get("/findings", STAFF), 403).code()).isEqualTo("FORBIDDEN");
        ok(api.get("/findings", inspector), 200);
        assertThat(ok(api.post("/checkpoints", STAFF, Map.of(), Map.of()), 403).code()).isEqualTo("FORBIDDEN");
        assertThat(ok(api.get("/timelines/nowhere/" + assessment, AUDITOR), 400).code()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(ok(api.get("/timelines/members/not-an-id", AUDITOR), 400).code()).isEqualTo("INVALID_ID");
    }

    @Test
    void aReplayFromOffsetZeroMatchesTheLiveRecordDespiteRedeliveriesAndNamesExactlyWhatSomeoneChangedInIt() {
        String assessment = UUID.randomUUID().toString();
        String interleaved = UUID.randomUUID().toString();
        StoredEvent opened = assessments.publish(assessment, new MemberAssessmentOpened(assessment, member, branch, AssessmentType.COMPREHENSIVE,
                "2024", "2022.1", LocalDate.of(2024, 12, 1)), SECRETARY);
        assessments.publish(interleaved, new MemberAssessmentOpened(interleaved, member, branch, AssessmentType.COMPREHENSIVE, "2023", "2022.1",
                LocalDate.of(2023, 12, 1)), SECRETARY);
        StoredEvent concluded = assessments.publish(assessment, new MemberAssessmentConcluded(assessment, "EXCELLENT", null,
                LocalDate.of(2024, 12, 20), "综合评定"), SECRETARY);
        assessments.send(opened);
        assessments.send(concluded);
        assessments.send(opened);
        timeline("members", assessment, 2);
        timeline("members", interleaved, 1);

        JsonNode one = replay(Map.of("service", "members", "aggregateId", assessment));
        assertThat(one.get("identical").asBoolean()).as(one.toString()).isTrue();
        assertThat(one.get("streamsCompared").asLong()).isEqualTo(1);
        assertThat(one.get("eventsDone").asLong()).isEqualTo(one.get("eventsTotal").asLong()).isPositive();
        assertThat(one.get("rawRatePerSecond").asLong()).isPositive();

        // someone removes an event from the live record: the whole replay names it, and only what was changed
        String stream = "members|" + interleaved;
        TAMPERED.add(stream);
        serviceDatabase.getCollection("ledger_events").deleteOne(Filters.eq("_id", stream + "|0"));
        JsonNode all = replay(Map.of());
        assertThat(all.get("identical").asBoolean()).isFalse();
        assertThat(all.get("differences")).extracting(JsonNode::asString).contains(stream + " sequence 0: on the topic, not in the live record")
                .allSatisfy(difference -> assertThat(TAMPERED).anySatisfy(tampered -> assertThat(difference).contains(tampered)));
        assertThat(ok(api.post("/replays", STAFF, Map.of(), Map.of()), 403).code()).isEqualTo("FORBIDDEN");
        assertThat(ok(api.get("/replays", AUDITOR), 200).body().get("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    private JsonNode replay(Map<String, Object> scope) {
        JsonNode started = ok(api.post("/replays", AUDITOR, scope, Map.of()), 201).body();
        String path = "/replays/" + started.get("id").asString();
        ok(api.get(path + "?minSequence=" + started.get("sequence").asLong(), AUDITOR), 200);
        Eventually.that(java.time.Duration.ofSeconds(60), () -> assertThat(ok(api.get(path, AUDITOR), 200).body().get("state").asString())
                .isEqualTo("FINISHED"));
        return ok(api.get(path, AUDITOR), 200).body();
    }
}
