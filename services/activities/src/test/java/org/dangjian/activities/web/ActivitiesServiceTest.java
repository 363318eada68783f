package org.dangjian.activities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.TestInfrastructure;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The activities service on the real (embedded) infrastructure, over HTTP with access tokens: an activity scheduled,
 * held, its attendance recorded and corrected, each step in the detail, the calendar, the timeline and the members'
 * participation, and AttendanceRecorded on the topic as a CloudEvent; a cancellation; who reads and changes what
 * (another branch's secretary finds nothing of this branch's activity on any endpoint); volunteer hours and their
 * ranking; a party member's own participation. Each test works in branches and with members of its own, published on
 * the organisation and members services' topics as those services would ({@link ForeignEvents}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class ActivitiesServiceTest extends ServiceTestBase {

    private String scheduled(String token, String kind, String topic) {
        return ok(api.post("/activities", token, Map.of("branchId", branch, "kind", kind, "topic", topic, "plannedDate", DAY, "place", "党员活动室"),
                Map.of()), 201).body().get("id").asString();
    }

    private long held(String id) {
        return ok(api.post("/activities/" + id + "/holding", secretary, Map.of("date", DAY, "minutes", "一、书记讲党课；\n二、交流发言。",
                "speaker", "王建华"), Map.of()), 200).body().get("sequence").asLong();
    }

    private static Map<String, Object> line(String member, String attendance, String reason) {
        Map<String, Object> line = new HashMap<>(Map.of("memberId", member, "attendance", attendance));
        if (reason != null) {
            line.put("reason", reason);
        }
        return line;
    }

    @Test
    void anActivityIsScheduledHeldAndAttendedAndACorrectionIsANewEventShownInTheDetailTimelineAndParticipation() {
        String lin = member("林晓雯", branch, null);
        String zhou = member("周建国", branch, null);
        String qian = member("钱佳琪", branch, null);
        JsonApi.Response created = ok(api.post("/activities", secretary, Map.of("branchId", branch, "kind", "PARTY_LESSON", "topic",
                "学习贯彻党的二十大精神", "plannedDate", DAY, "place", "党员活动室"), Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/activities/" + id);
        JsonNode scheduled = ok(api.get("/activities/" + id + "?minSequence=0", secretary), 200).body();
        assertThat(scheduled.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.get("branchName").asString()).isEqualTo("第一党支部");

        assertThat(api.post("/activities/" + id + "/attendance", secretary, Map.of("entries", List.of(line(lin, "PRESENT", null))), Map.of()).code())
                .as("attendance once held").isEqualTo("ACTIVITY_NOT_HELD");
        assertThat(api.post("/activities/" + id + "/holding", secretary, Map.of("date", "2999-01-01", "minutes", "记录"), Map.of()).code())
                .isEqualTo("DATE_IN_FUTURE");
        held(id);
        assertThat(api.post("/activities/" + id + "/holding", secretary, Map.of("date", DAY, "minutes", "记录"), Map.of()).code())
                .isEqualTo("ACTIVITY_ALREADY_HELD");
        assertThat(api.post("/activities/" + id + "/attendance", secretary, Map.of("entries", List.of(line(lin, "ON_LEAVE", null))), Map.of()).code())
                .isEqualTo("LEAVE_REASON_REQUIRED");
        long recorded = ok(api.post("/activities/" + id + "/attendance", secretary, Map.of("entries", List.of(line(lin, "PRESENT", null),
                line(zhou, "ON_LEAVE", "出差"), line(qian, "ABSENT", null))), Map.of()), 200).body().get("sequence").asLong();
        assertThat(recorded).as("scheduled, held, three members").isEqualTo(4);
        JsonApi.Response again = api.post("/activities/" + id + "/attendance", secretary, Map.of("entries", List.of(line(qian, "PRESENT", null))),
                Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ATTENDANCE_ALREADY_RECORDED");
        long corrected = ok(api.post("/activities/" + id + "/attendance-corrections", secretary, Map.of("entries",
                List.of(line(qian, "ON_LEAVE", "病假")), "reason", "补交请假条"), Map.of()), 200).body().get("sequence").asLong();
        assertThat(api.post("/activities/" + id + "/attendance-corrections", secretary, Map.of("entries",
                List.of(line(qian, "ON_LEAVE", "病假")), "reason", "再次"), Map.of()).code()).isEqualTo("ATTENDANCE_UNCHANGED");

        JsonNode activity = ok(api.get("/activities/" + id + "?minSequence=" + corrected, STAFF), 200).body();
        assertThat(activity.get("state").asString()).isEqualTo("HELD");
        assertThat(activity.get("heldOn").asString()).isEqualTo(DAY);
        assertThat(activity.get("minutes").asString()).isEqualTo("一、书记讲党课；\n二、交流发言。");
        assertThat(activity.get("speaker").asString()).isEqualTo("王建华");
        assertThat(activity.get("present").asInt()).isEqualTo(1);
        assertThat(activity.get("onLeave").asInt()).isEqualTo(2);
        assertThat(activity.get("absent").asInt()).isZero();
        Map<String, JsonNode> byMember = new HashMap<>();
        activity.get("attendance").forEach(entry -> byMember.put(entry.get("memberId").asString(), entry));
        assertThat(byMember.get(lin).get("name").asString()).isEqualTo("林晓雯");
        assertThat(byMember.get(qian).get("attendance").asString()).isEqualTo("ON_LEAVE");
        assertThat(byMember.get(qian).get("corrected").asBoolean()).isTrue();
        assertThat(byMember.get(qian).get("previousAttendance").asString()).isEqualTo("ABSENT");
        assertThat(byMember.get(qian).get("correctionReason").asString()).isEqualTo("补交请假条");

        JsonNode timeline = ok(api.get("/activities/" + id + "/timeline?minSequence=" + corrected, secretary), 200).body().get("entries");
        assertThat(timeline).hasSize(6);
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).containsExactly("org.dangjian.activities.ActivityScheduled.v1", "org.dangjian.activities.ActivityHeld.v1",
                "org.dangjian.activities.AttendanceRecorded.v1", "org.dangjian.activities.AttendanceRecorded.v1",
                "org.dangjian.activities.AttendanceRecorded.v1", "org.dangjian.activities.AttendanceCorrected.v1");
        assertThat(timeline.get(0).at("/actor/role").asString()).isEqualTo("BRANCH_SECRETARY");
        assertThat(timeline.get(1).get("occurredAt").asString()).as("business time: the day held").startsWith("2026-03-04T16:00");
        JsonNode verification = ok(api.get("/activities/" + id + "/verification", AUDITOR), 200).body();
        assertThat(verification.get("eventsChecked").asInt()).isEqualTo(6);
        assertThat(verification.get("intact").asBoolean()).isTrue();

        JsonNode calendar = ok(api.get("/activities?branch=" + branch + "&from=2026-03-01&to=2026-03-31&activity=" + id + "&minSequence=" + corrected,
                secretary), 200).body();
        assertThat(calendar.get("total").asLong()).isEqualTo(1);
        assertThat(calendar.at("/items/0/state").asString()).isEqualTo("HELD");
        assertThat(calendar.at("/items/0/present").asInt()).isEqualTo(1);
        assertThat(api.get("/activities?branch=" + branch + "&from=2026-04-01", secretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/activities?branch=" + branch + "&state=SCHEDULED", secretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/activities?branch=" + branch + "&kind=PARTY_LESSON", AUDITOR).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/activities?from=2026-13-01", STAFF).status()).isEqualTo(400);

        JsonNode participation = ok(api.get("/members/" + qian + "/participation?activity=" + id + "&minSequence=" + corrected, secretary), 200).body();
        assertThat(participation.get("name").asString()).isEqualTo("钱佳琪");
        assertThat(participation.get("onLeave").asInt()).isEqualTo(1);
        assertThat(participation.get("absent").asInt()).isZero();
        assertThat(participation.at("/activities/0/topic").asString()).isEqualTo("学习贯彻党的二十大精神");
        assertThat(participation.at("/activities/0/corrected").asBoolean()).isTrue();
        assertThat(api.get("/members/" + qian + "/participation?year=2025", secretary).body().get("activities")).isEmpty();

        // AttendanceRecorded reaches the topic as a CloudEvent: one per member, on the activity's stream
        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        Eventually.that(Duration.ofSeconds(20), () -> {
            published.clear();
            published.addAll(recordsOf(id));
            assertThat(published).hasSize(6);
        });
        List<ConsumerRecord<String, byte[]>> attendance = published.stream()
                .filter(record -> "org.dangjian.activities.AttendanceRecorded.v1".equals(header(record, "ce_type"))).toList();
        assertThat(attendance).hasSize(3);
        ConsumerRecord<String, byte[]> first = attendance.get(0);
        assertThat(first.key()).isEqualTo(id);
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_source")).isEqualTo("/dangjian/activities");
        assertThat(header(first, "ce_subject")).isEqualTo(id);
        assertThat(header(first, "ce_aggregatetype")).isEqualTo("Activity");
        assertThat(header(first, "ce_sequence")).isEqualTo("2");
        assertThat(header(first, "ce_dataschema")).isEqualTo("urn:dangjian:schema:org.dangjian.activities.AttendanceRecorded.v1");
        assertThat(header(first, "ce_hash")).matches("[0-9a-f]{64}");
        JsonNode body = JsonApi.JSON.readTree(new String(first.value(), StandardCharsets.UTF_8));
        assertThat(body.get("activityId").asString()).isEqualTo(id);
        assertThat(body.get("memberId").asString()).isEqualTo(lin);
        assertThat(body.get("attendance").asString()).isEqualTo("PRESENT");
        assertThat(body.get("kind").asString()).isEqualTo("PARTY_LESSON");
        assertThat(body.get("branchId").asString()).isEqualTo(branch);
        assertThat(body.get("date").asString()).isEqualTo(DAY);
        assertThat(body.has("reason")).as("absent fields are left out").isFalse();
    }

    /** Every record of the activity on the service's topic, from the beginning, by a consumer of no group. */
    private List<ConsumerRecord<String, byte[]>> recordsOf(String activityId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(properties.topic(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (activityId.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        found.sort(java.util.Comparator.comparing(record -> Long.parseLong(header(record, "ce_sequence"))));
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aCancelledActivityKeepsItsReasonAndIsNeitherHeldNorAttended() {
        String id = scheduled(STAFF, "THEME_PARTY_DAY", "主题党日：走访慰问");
        long cancelled = ok(api.post("/activities/" + id + "/cancellation", secretary, Map.of("reason", "防汛值班，改期召开"), Map.of()), 200)
                .body().get("sequence").asLong();
        JsonNode activity = ok(api.get("/activities/" + id + "?minSequence=" + cancelled, secretary), 200).body();
        assertThat(activity.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(activity.get("cancelReason").asString()).isEqualTo("防汛值班，改期召开");
        assertThat(api.post("/activities/" + id + "/holding", secretary, Map.of("date", DAY, "minutes", "记录"), Map.of()).code())
                .isEqualTo("ACTIVITY_CANCELLED");
        assertThat(api.post("/activities/" + id + "/cancellation", secretary, Map.of("reason", "再次"), Map.of()).code())
                .isEqualTo("ACTIVITY_ALREADY_CANCELLED");
        assertThat(api.post("/activities/" + id + "/cancellation", secretary, Map.of(), Map.of()).status()).as("a reason is required").isEqualTo(400);
        assertThat(api.get("/activities?branch=" + branch + "&state=CANCELLED", secretary).body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anActivityIsScheduledForAKnownBranchThatIsNotDissolvedAndNotAnotherKindOfUnit() {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "PARTY_LESSON", "topic", "党课", "plannedDate", DAY));
        body.put("branchId", UUID.randomUUID().toString());
        assertThat(api.post("/activities", STAFF, body, Map.of()).code()).isEqualTo("BRANCH_UNKNOWN");
        body.put("branchId", established(OrganisationUnitKind.PARTY_GROUP, null, "第一党小组"));
        assertThat(api.post("/activities", STAFF, body, Map.of()).code()).isEqualTo("NOT_A_BRANCH");
        body.put("branchId", branch);
        assertThat(api.post("/activities", otherSecretary, body, Map.of()).code()).isEqualTo("BRANCH_NOT_FOUND");
        body.put("topic", "党课\u200b");
        assertThat(api.post("/activities", STAFF, body, Map.of()).status()).isEqualTo(400);
    }

    /**
     * Every endpoint of one activity, read or command, refused to the secretary of another branch as if the activity
     * did not exist (404) or for his role (403), with a valid request each, so that the refusal is the scope's and not
     * the request's; nothing is recorded. The table covers every such path of the OpenAPI document: a new endpoint
     * without an entry here fails the test.
     */
    @Test
    void aSecretaryOfAnotherBranchIsRefusedEveryEndpointOfThisBranchsActivityAndRecordsNothing() {
        String member = member("邓宏伟", branch, null);
        String id = scheduled(secretary, "BRANCH_GENERAL_MEETING", "支部党员大会");
        held(id);
        long sequence = ok(api.post("/activities/" + id + "/attendance", secretary, Map.of("entries", List.of(line(member, "PRESENT", null))),
                Map.of()), 200).body().get("sequence").asLong();
        Map<String, Map<String, Object>> commands = new TreeMap<>(Map.of(
                "/activities/{id}/holding", Map.of("date", DAY, "minutes", "记录"),
                "/activities/{id}/cancellation", Map.of("reason", "取消"),
                "/activities/{id}/attendance", Map.of("entries", List.of(line(UUID.randomUUID().toString(), "PRESENT", null))),
                "/activities/{id}/attendance-corrections", Map.of("entries", List.of(line(member, "ABSENT", null)), "reason", "更正")));
        List<String> reads = List.of("/activities/{id}", "/activities/{id}/timeline", "/activities/{id}/verification");

        Set<String> documented = new TreeSet<>();
        ok(api.get("/v3/api-docs", STAFF), 200).body().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (path.getKey().startsWith("/activities/{id}")) {
                documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> covered = new TreeSet<>();
        commands.keySet().forEach(path -> covered.add("POST " + path));
        reads.forEach(path -> covered.add("GET " + path));
        assertThat(covered).as("every endpoint of one activity is in this test").isEqualTo(documented);

        Function<String, String> concrete = path -> path.replace("{id}", id);
        for (String path : reads) {
            for (String query : List.of("", "?minSequence=0", "?minSequence=99")) {
                JsonApi.Response answer = api.get(concrete.apply(path) + (path.endsWith("verification") ? "" : query), otherSecretary);
                assertThat(answer.status()).as("GET " + path + query).isEqualTo(404);
                assertThat(answer.code()).as("GET " + path + query).isEqualTo("ACTIVITY_NOT_FOUND");
            }
        }
        commands.forEach((path, body) -> {
            JsonApi.Response answer = api.post(concrete.apply(path), otherSecretary, body, Map.of());
            assertThat(answer.status()).as("POST " + path + " " + answer.body()).isIn(403, 404);
            assertThat(answer.code()).as("POST " + path).isIn("ACTIVITY_NOT_FOUND", "FORBIDDEN");
            JsonApi.Response member403 = api.post(concrete.apply(path), TestTokens.forUser("dangyuan", "PARTY_MEMBER", branch), body, Map.of());
            assertThat(member403.status()).as("a party member changes no activity: POST " + path).isEqualTo(403);
        });
        assertThat(api.get("/activities?branch=" + branch, otherSecretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/activities", otherSecretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/activities?activity=" + id + "&minSequence=0", otherSecretary).code()).isEqualTo("ACTIVITY_NOT_FOUND");
        assertThat(api.get("/members/" + member + "/participation", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/activities/" + id, TestTokens.forUser("dangyuan", "PARTY_MEMBER", branch)).status()).isEqualTo(403);
        assertThat(ok(api.get("/activities/" + id + "?minSequence=" + sequence, STAFF), 200).body().get("sequence").asLong())
                .as("nothing recorded").isEqualTo(sequence);
        assertThat(api.get("/activities/" + id, secretary).status()).isEqualTo(200);
    }

    @Test
    void volunteerHoursAreRecordedPerMemberAndRankedAndAPartyMemberReadsHisOwnParticipationOnly() {
        String username = "dy-" + UUID.randomUUID().toString().substring(0, 8);
        String wang = member("王芳", branch, username);
        String li = member("李明", branch, null);
        String stranger = member("赵强", otherBranch, null);
        String service = ok(api.post("/volunteer-services", STAFF, Map.of("memberId", wang, "kind", "EXTENDED_HOURS", "hours", 2.5,
                "date", "2025-06-01"), Map.of()), 201).body().get("id").asString();
        ok(api.post("/volunteer-services", secretary, Map.of("memberId", wang, "kind", "HOME_VISIT", "hours", 1, "date", "2025-07-01"), Map.of()), 201);
        String last = ok(api.post("/volunteer-services", secretary, Map.of("memberId", li, "kind", "ERRAND", "hours", 4, "date", "2025-07-02"),
                Map.of()), 201).body().get("id").asString();
        assertThat(api.post("/volunteer-services", secretary, Map.of("memberId", stranger, "kind", "ERRAND", "hours", 1, "date", "2025-07-02"),
                Map.of()).code()).as("another branch's member").isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.post("/volunteer-services", STAFF, Map.of("memberId", wang, "kind", "ERRAND", "hours", 1.25, "date", "2025-07-02"),
                Map.of()).status()).as("steps of 0.5").isEqualTo(400);
        assertThat(api.post("/volunteer-services", STAFF, Map.of("memberId", wang, "kind", "ERRAND", "hours", 1, "date", "2999-07-02"),
                Map.of()).code()).isEqualTo("DATE_IN_FUTURE");

        JsonNode ranking = ok(api.get("/volunteer-hours/ranking?year=2025&branch=" + branch + "&service=" + last + "&minSequence=0", secretary), 200)
                .body();
        assertThat(ranking.get("total").asLong()).isEqualTo(2);
        assertThat(ranking.at("/items/0/memberId").asString()).isEqualTo(li);
        assertThat(ranking.at("/items/0/hours").decimalValue()).isEqualByComparingTo("4");
        assertThat(ranking.at("/items/1/name").asString()).isEqualTo("王芳");
        assertThat(ranking.at("/items/1/hours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(ranking.at("/items/1/rank").asInt()).isEqualTo(2);
        assertThat(ranking.at("/items/1/branchName").asString()).isEqualTo("第一党支部");
        assertThat(api.get("/volunteer-hours/ranking?year=2025&branch=" + branch, otherSecretary).body().get("total").asLong()).isZero();

        String partyMember = TestTokens.forUser(username, "PARTY_MEMBER", branch);
        JsonNode own = ok(api.get("/members/" + wang + "/participation?service=" + service + "&minSequence=0", partyMember), 200).body();
        assertThat(own.get("volunteerHours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(own.get("services")).hasSize(2);
        assertThat(ok(api.get("/members/me/participation?year=2025", partyMember), 200).body().get("memberId").asString()).isEqualTo(wang);
        assertThat(api.get("/members/" + li + "/participation", partyMember).code()).as("another member's").isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members/me/participation", TestTokens.forUser("nobody-linked", "PARTY_MEMBER", branch)).code())
                .isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/volunteer-hours/ranking", partyMember).status()).isEqualTo(403);
        assertThat(api.get("/activities", partyMember).status()).isEqualTo(403);
        String service2 = ok(api.get("/members/" + li + "/participation", AUDITOR), 200).body().at("/services/0/serviceId").asString();
        assertThat(service2).isEqualTo(last);

        // a login name linked to a record later (and unlinked) is followed as the members service publishes it
        String later = "dy-" + UUID.randomUUID().toString().substring(0, 8);
        String liToken = TestTokens.forUser(later, "PARTY_MEMBER", branch);
        publishMemberEvent(li, new org.dangjian.contracts.members.MemberAccountLinked(li, later, "本人申请"));
        Eventually.that(() -> assertThat(api.get("/members/me/participation", liToken).status()).isEqualTo(200));
        assertThat(ok(api.get("/members/" + li + "/participation", liToken), 200).body().get("volunteerHours").decimalValue()).isEqualByComparingTo("4");
        publishMemberEvent(li, new org.dangjian.contracts.members.MemberAccountUnlinked(li, later, "账号停用"));
        Eventually.that(() -> assertThat(api.get("/members/me/participation", liToken).code()).isEqualTo("MEMBER_NOT_FOUND"));
    }
}
