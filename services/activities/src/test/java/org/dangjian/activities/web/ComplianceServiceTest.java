package org.dangjian.activities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dangjian.activities.command.ActivityRules;
import org.dangjian.activities.command.CompliancePeriod;
import org.dangjian.activities.command.ComplianceRules;
import org.dangjian.activities.command.ConcludeComplianceCommand;
import org.dangjian.activities.command.Frequency;
import org.dangjian.activities.compliance.ComplianceConclusions;
import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.EventTypes;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.CanonicalEvent;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
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
import tools.jackson.databind.JsonNode;

/**
 * "三会一课" compliance end to end, over HTTP with access tokens: two branches established (by the organisation
 * service's events, dated) at the start of a month that ended two months ago; one holds its committee meeting and its
 * theme party day in that month (a party group meeting cancelled, another left scheduled), the other holds nothing.
 * The conclusion job (run by hand here; its schedule is off in this context) records a ComplianceConcluded per branch,
 * kind and ended period, once: a second run and a second command record nothing. The board shows the month as
 * concluded, a holding recorded afterwards changes nothing concluded; who reads what (another branch's secretary sees
 * none of it); the current month's board with the quarter's and the year's kinds; the rules; bad parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dangjian.activities.compliance.job.enabled=false")
@UsePlatformInfrastructure
class ComplianceServiceTest {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", COMMITTEE);
    static final String INSPECTOR = TestTokens.forUser("jijian", "DISCIPLINE_INSPECTOR", COMMITTEE);

    static ForeignEvents organisation;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationUnitsReadModel branches;
    @Autowired
    PlatformProperties properties;
    @Autowired
    ComplianceConclusions conclusions;
    @Autowired
    CommandDispatcher commands;
    @Autowired
    EventStoreReader store;
    @Autowired
    ActivityRules calendar;

    JsonApi api;

    @BeforeEach
    void setUp() {
        api = new JsonApi("http://localhost:" + port);
        if (organisation == null) {
            organisation = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("organisation"),
                    "organisation", "OrganisationUnit");
        }
    }

    @AfterAll
    static void closeProducer() {
        if (organisation != null) {
            organisation.close();
            organisation = null;
        }
    }

    /** A branch the organisation service established at {@code occurredAt} (business time), once the service knows it. */
    private String establishedAt(String name, Instant occurredAt) {
        String id = UUID.randomUUID().toString();
        OrganisationUnitEstablished payload = new OrganisationUnitEstablished(id, OrganisationUnitKind.BRANCH, null, name, COMMITTEE, null);
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        String type = EventTypes.of(OrganisationUnitEstablished.class);
        String eventId = UUID.randomUUID().toString();
        String data = new EventPayloadCodec().toJson(payload);
        Actor actor = Actor.service("organisation");
        CanonicalEvent canonical = new CanonicalEvent(eventId, type, id, "OrganisationUnit", 0, occurredAt, now, actor, eventId, null, data,
                CanonicalEvent.GENESIS);
        organisation.republish(new StoredEvent(eventId, id, "OrganisationUnit", 0, type, data, occurredAt, now, actor, eventId, null, null,
                CanonicalEvent.GENESIS, canonical.hash(), true));
        Eventually.that(() -> assertThat(branches.unit(id)).hasValueSatisfying(unit -> assertThat(unit.establishedAt()).isEqualTo(occurredAt)));
        return id;
    }

    private JsonApi.Response ok(JsonApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer;
    }

    private String scheduled(String branch, String kind, LocalDate day) {
        return ok(api.post("/activities", STAFF, Map.of("branchId", branch, "kind", kind, "topic", "组织生活", "plannedDate", day.toString(),
                "place", "党员活动室"), Map.of()), 201).body().get("id").asString();
    }

    private long held(String id, LocalDate day) {
        return ok(api.post("/activities/" + id + "/holding", STAFF, Map.of("date", day.toString(), "minutes", "会议记录"), Map.of()), 200)
                .body().get("sequence").asLong();
    }

    private static Map<String, JsonNode> cells(JsonNode board, String branch) {
        Map<String, JsonNode> byKind = new HashMap<>();
        board.get("branches").forEach(row -> {
            if (row.get("branchId").asString().equals(branch)) {
                row.get("cells").forEach(cell -> byKind.put(cell.get("kind").asString(), cell));
            }
        });
        return byKind;
    }

    private static List<String> rowIds(JsonNode board) {
        List<String> ids = new ArrayList<>();
        board.get("branches").forEach(row -> ids.add(row.get("branchId").asString()));
        return ids;
    }

    @Test
    void endedPeriodsAreConcludedOncePerBranchKindAndPeriodAndTheBoardShowsThemWithinTheCallersScope() {
        LocalDate today = calendar.today();
        CompliancePeriod month = CompliancePeriod.containing(Frequency.MONTHLY, today).previous().previous();
        Instant start = month.start().atStartOfDay(calendar.zone()).toInstant();
        String keeping = establishedAt("第一党支部", start);
        String idle = establishedAt("第二党支部", start);
        String keepingSecretary = TestTokens.forUser("shuji", "BRANCH_SECRETARY", keeping);
        String idleSecretary = TestTokens.forUser("shuji2", "BRANCH_SECRETARY", idle);

        String committee = scheduled(keeping, "BRANCH_COMMITTEE_MEETING", month.start().plusDays(4));
        held(committee, month.start().plusDays(4));
        String themeDay = scheduled(keeping, "THEME_PARTY_DAY", month.start().plusDays(9));
        held(themeDay, month.lastDay());
        String cancelled = scheduled(keeping, "PARTY_GROUP_MEETING", month.start().plusDays(2));
        ok(api.post("/activities/" + cancelled + "/cancellation", STAFF, Map.of("reason", "防汛值班"), Map.of()), 200);
        String plannedOnly = scheduled(keeping, "PARTY_GROUP_MEETING", month.start().plusDays(20));
        long lastWrite = held(scheduled(keeping, "BRANCH_COMMITTEE_MEETING", month.next().start()), month.next().start());
        ok(api.get("/activities?activity=" + themeDay + "&minSequence=1", STAFF), 200);
        Eventually.that(() -> assertThat(api.get("/activities?branch=" + keeping + "&state=HELD", STAFF).body().get("total").asLong())
                .isEqualTo(3));
        assertThat(lastWrite).isEqualTo(1);

        // before the conclusion: the board derives from the activities alone
        JsonNode before = ok(api.get("/compliance?period=" + month.label() + "&branch=" + keeping, STAFF), 200).body();
        assertThat(cells(before, keeping).get("BRANCH_COMMITTEE_MEETING").get("state").asString()).isEqualTo("MET");
        assertThat(cells(before, keeping).get("PARTY_GROUP_MEETING").get("state").asString()).isEqualTo("OVERDUE");
        assertThat(cells(before, keeping).get("PARTY_GROUP_MEETING").get("concluded").asBoolean()).isFalse();

        AtomicReference<ComplianceConclusions.Run> first = new AtomicReference<>();
        Eventually.that(Duration.ofSeconds(30), () -> {
            first.set(conclusions.concludeEndedPeriods());
            assertThat(first.get().ran()).isTrue();
        });
        assertThat(first.get().refused()).isZero();
        assertThat(first.get().concluded()).as("at least the 3 monthly kinds of the month, of both branches").isGreaterThanOrEqualTo(2 * 3);

        String committeeRecord = ComplianceRules.recordId(keeping, ActivityKind.BRANCH_COMMITTEE_MEETING, month);
        String groupRecord = ComplianceRules.recordId(keeping, ActivityKind.PARTY_GROUP_MEETING, month);
        String idleRecord = ComplianceRules.recordId(idle, ActivityKind.BRANCH_COMMITTEE_MEETING, month);
        assertThat(store.readStream(committeeRecord, 0)).hasSize(1);

        // concluded once: a second run, and the command sent again, record nothing
        Eventually.that(Duration.ofSeconds(30), () -> {
            ComplianceConclusions.Run second = conclusions.concludeEndedPeriods();
            assertThat(second.ran()).isTrue();
            assertThat(second.concluded()).isZero();
            assertThat(second.refused()).isZero();
        });
        ConcludeComplianceCommand again = new ConcludeComplianceCommand(committeeRecord, keeping, ActivityKind.BRANCH_COMMITTEE_MEETING,
                month.label(), List.of(committee, plannedOnly));
        assertThatThrownBy(() -> commands.sendAs(Actor.service("activities"), committeeRecord, id -> again,
                new CommandContext(null, "conclude-compliance " + committeeRecord, again, null, null, null, null)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("COMPLIANCE_ALREADY_CONCLUDED"));
        assertThat(store.readStream(committeeRecord, 0)).hasSize(1);

        // the events, on the topic, as the service itself
        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        Eventually.that(Duration.ofSeconds(20), () -> {
            published.clear();
            published.addAll(recordsOf(List.of(committeeRecord, groupRecord, idleRecord)));
            assertThat(published).hasSize(3);
        });
        Map<String, JsonNode> bodies = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            assertThat(header(record, "ce_type")).isEqualTo("org.dangjian.activities.ComplianceConcluded.v1");
            assertThat(header(record, "ce_aggregatetype")).isEqualTo("Compliance");
            assertThat(header(record, "ce_actorid")).isEqualTo("service:activities");
            assertThat(header(record, "ce_actorrole")).isEqualTo("SERVICE");
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(Instant.parse(header(record, "ce_time"))).as("business time: the month's end in Shanghai")
                    .isEqualTo(month.endsAt(calendar.zone()));
            bodies.put(record.key(), JsonApi.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)));
        }
        JsonNode met = bodies.get(committeeRecord);
        assertThat(met.get("branchId").asString()).isEqualTo(keeping);
        assertThat(met.get("period").asString()).isEqualTo(month.label());
        assertThat(met.get("rulesVersion").asString()).isEqualTo("2022.1");
        assertThat(met.get("required").asInt()).isEqualTo(1);
        assertThat(met.get("held").asInt()).isEqualTo(1);
        assertThat(met.get("met").asBoolean()).isTrue();
        assertThat(met.get("heldActivityIds").get(0).asString()).as("held in the month; the one of the next month is not").isEqualTo(committee);
        assertThat(bodies.get(groupRecord).get("met").asBoolean()).as("cancelled and scheduled ones do not count").isFalse();
        assertThat(bodies.get(groupRecord).get("held").asInt()).isZero();
        assertThat(bodies.get(idleRecord).get("met").asBoolean()).isFalse();

        // the board of the month: concluded, for staff, auditors and inspectors; a holding recorded later changes nothing concluded
        held(plannedOnly, month.start().plusDays(20));
        Eventually.that(() -> {
            JsonNode board = ok(api.get("/compliance?period=" + month.label(), INSPECTOR), 200).body();
            assertThat(rowIds(board)).contains(keeping, idle);
            Map<String, JsonNode> kept = cells(board, keeping);
            assertThat(kept.get("PARTY_GROUP_MEETING").get("concluded").asBoolean()).isTrue();
            assertThat(kept.get("PARTY_GROUP_MEETING").get("heldLate").asInt()).isEqualTo(1);
        });
        JsonNode board = ok(api.get("/compliance?period=" + month.label() + "&branch=" + keeping, STAFF), 200).body();
        assertThat(board.get("period").asString()).isEqualTo(month.label());
        assertThat(rowIds(board)).containsExactly(keeping);
        assertThat(board.at("/branches/0/branchName").asString()).isEqualTo("第一党支部");
        Map<String, JsonNode> kept = cells(board, keeping);
        assertThat(kept.get("BRANCH_COMMITTEE_MEETING").get("state").asString()).isEqualTo("MET");
        assertThat(kept.get("BRANCH_COMMITTEE_MEETING").get("held").asInt()).isEqualTo(1);
        assertThat(kept.get("BRANCH_COMMITTEE_MEETING").get("required").asInt()).isEqualTo(1);
        assertThat(kept.get("BRANCH_COMMITTEE_MEETING").get("rulesVersion").asString()).isEqualTo("2022.1");
        assertThat(kept.get("BRANCH_COMMITTEE_MEETING").get("period").asString()).isEqualTo(month.label());
        assertThat(kept.get("BRANCH_COMMITTEE_MEETING").get("daysLeft").asInt()).isZero();
        assertThat(kept.get("THEME_PARTY_DAY").get("state").asString()).as("held on the month's last day").isEqualTo("MET");
        JsonNode group = kept.get("PARTY_GROUP_MEETING");
        assertThat(group.get("state").asString()).as("concluded not met; held late").isEqualTo("OVERDUE");
        assertThat(group.get("held").asInt()).isZero();
        assertThat(group.get("planned").asInt()).isZero();
        List<String> columnKinds = new ArrayList<>();
        board.get("columns").forEach(column -> columnKinds.add(column.get("kind").asString()));
        assertThat(columnKinds).contains("BRANCH_COMMITTEE_MEETING", "PARTY_GROUP_MEETING", "THEME_PARTY_DAY");
        Map<String, JsonNode> idleCells = cells(ok(api.get("/compliance?period=" + month.label() + "&branch=" + idle,
                TestTokens.forUser("shenji", "AUDITOR", COMMITTEE)), 200).body(), idle);
        assertThat(idleCells.get("BRANCH_COMMITTEE_MEETING").get("state").asString()).isEqualTo("OVERDUE");
        assertThat(idleCells.get("BRANCH_COMMITTEE_MEETING").get("concluded").asBoolean()).isTrue();
        assertThat(idleCells.get("THEME_PARTY_DAY").get("held").asInt()).isZero();

        // scope: a secretary sees his own branch only; another branch's secretary sees none of this one
        JsonNode own = ok(api.get("/compliance?period=" + month.label(), keepingSecretary), 200).body();
        assertThat(rowIds(own)).containsExactly(keeping);
        JsonNode other = ok(api.get("/compliance?period=" + month.label(), idleSecretary), 200).body();
        assertThat(rowIds(other)).containsExactly(idle);
        assertThat(rowIds(ok(api.get("/compliance?period=" + month.label() + "&branch=" + keeping, idleSecretary), 200).body())).isEmpty();
        assertThat(api.get("/compliance", TestTokens.forUser("dangyuan", "PARTY_MEMBER", keeping)).status()).isEqualTo(403);
        assertThat(api.get("/compliance/rules", TestTokens.forUser("dangyuan", "PARTY_MEMBER", keeping)).status()).isEqualTo(403);

        // this month's board: the monthly kinds of this month, the quarter's and the year's kinds, each with its own period
        JsonNode current = ok(api.get("/compliance?branch=" + keeping, keepingSecretary), 200).body();
        CompliancePeriod thisMonth = CompliancePeriod.containing(Frequency.MONTHLY, today);
        assertThat(current.get("period").asString()).isEqualTo(thisMonth.label());
        assertThat(current.get("today").asString()).isEqualTo(today.toString());
        Map<String, String> columnPeriods = new HashMap<>();
        current.get("columns").forEach(column -> columnPeriods.put(column.get("kind").asString(), column.get("period").asString()));
        assertThat(columnPeriods).containsEntry("THEME_PARTY_DAY", thisMonth.label())
                .containsEntry("PARTY_LESSON", CompliancePeriod.containing(Frequency.QUARTERLY, today).label())
                .containsEntry("ORGANISATIONAL_LIFE_MEETING", CompliancePeriod.containing(Frequency.YEARLY, today).label());
        JsonNode running = cells(current, keeping).get("THEME_PARTY_DAY");
        assertThat(running.get("state").asString()).isIn("OPEN", "CLOSING");
        assertThat(running.get("daysLeft").asInt()).isEqualTo(thisMonth.daysLeft(today));
        assertThat(running.get("concluded").asBoolean()).isFalse();
        JsonNode quarter = ok(api.get("/compliance?period=" + CompliancePeriod.containing(Frequency.QUARTERLY, today).label(), STAFF), 200).body();
        quarter.get("columns").forEach(column -> assertThat(column.get("frequency").asString()).isNotEqualTo("MONTHLY"));

        // the rules, and parameters that are not a period or an id
        JsonNode rules = ok(api.get("/compliance/rules", INSPECTOR), 200).body();
        assertThat(rules.at("/versions/0/version").asString()).isEqualTo("2022.1");
        assertThat(rules.at("/versions/0/effectiveFrom").asString()).isEqualTo("2022-01-01");
        assertThat(rules.at("/versions/0/warnDaysBefore").asInt()).isEqualTo(7);
        assertThat(rules.at("/versions/0/requirements/BRANCH_GENERAL_MEETING/frequency").asString()).isEqualTo("QUARTERLY");
        assertThat(rules.at("/versions/0/requirements/ORGANISATIONAL_LIFE_MEETING/minimum").asInt()).isEqualTo(1);
        for (String bad : List.of("2026-13", "2026-Q5", "26-01", "2026-01-01", "$where")) {
            JsonApi.Response answer = api.get("/compliance?period=" + bad, STAFF);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.code()).as(bad).isEqualTo("INVALID_PARAMETER");
        }
        assertThat(api.get("/compliance?branch=not-a-branch", STAFF).code()).isEqualTo("INVALID_ID");
    }

    /** Every record of these subjects on the service's topic, from the beginning, by a consumer of no group. */
    private List<ConsumerRecord<String, byte[]>> recordsOf(List<String> keys) {
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
                    if (keys.contains(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
