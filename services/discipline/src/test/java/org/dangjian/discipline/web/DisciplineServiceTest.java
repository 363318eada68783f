package org.dangjian.discipline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dangjian.conformance.ForeignEvents;
import org.dangjian.conformance.Topics;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.discipline.command.CaseCommands;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.security.Roles;
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
 * The discipline service over HTTP on the embedded infrastructure: an inspection from plan to close through its
 * rectification (sent back once), a written inquiry, a sanction case decided and ended, each read of a record in the
 * access log that only auditors list; only discipline inspectors and auditors reach any endpoint; and what leaves the
 * service on its open topic is a sanction's effect only, the case content staying on the restricted topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class DisciplineServiceTest {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String INSPECTOR = TestTokens.forUser("jijian", "DISCIPLINE_INSPECTOR", COMMITTEE);
    static final String AUDITOR = TestTokens.forUser("shenji", "AUDITOR", COMMITTEE);

    static ForeignEvents organisation;
    static ForeignEvents members;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationUnitsReadModel units;
    @Autowired
    MemberDirectoryReadModel directory;
    @Autowired
    PlatformProperties properties;

    JsonApi api;
    String branch;
    String member;

    @BeforeEach
    void setUp() {
        api = new JsonApi("http://localhost:" + port);
        if (organisation == null) {
            organisation = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("organisation"),
                    "organisation", "OrganisationUnit");
            members = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("members"), "members", "Member");
        }
        branch = UUID.randomUUID().toString();
        organisation.publish(branch, new OrganisationUnitEstablished(branch, OrganisationUnitKind.BRANCH, null, "不动产登记窗口党支部", COMMITTEE, null));
        member = UUID.randomUUID().toString();
        members.publish(member, new MembershipApplicationReceived(member, "韩振华", Gender.MALE, LocalDate.of(1986, 1, 1), "110105198601010011", null,
                null, branch, LocalDate.of(2015, 1, 1), null, null));
        Eventually.that(() -> assertThat(units.unit(branch)).isPresent());
        Eventually.that(() -> assertThat(directory.member(member)).isPresent());
    }

    @AfterAll
    static void closeProducers() {
        if (organisation != null) {
            organisation.close();
            members.close();
            organisation = null;
        }
    }

    private JsonApi.Response ok(JsonApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer;
    }

    private long post(String path, Map<String, Object> body, int status) {
        return ok(api.post(path, INSPECTOR, body, Map.of()), status).body().get("sequence").asLong();
    }

    @Test
    void anInspectionRunsFromPlanToCloseThroughItsRectificationAndEveryReadOfItIsLogged() {
        String id = ok(api.post("/inspections", INSPECTOR, Map.of("target", "WINDOW", "targetName", "不动产登记窗口", "branchId", branch,
                "mode", "UNANNOUNCED", "plannedDate", "2026-11-02", "inspectors", List.of("赵纪检", "钱纪检")), Map.of()), 201).body().get("id").asString();
        post("/inspections/" + id + "/carrying-out", Map.of("date", "2026-11-03", "summary", "上午 9 时暗访，6 人在岗"), 200);
        post("/inspections/" + id + "/findings", Map.of("description", "一名工作人员上班时间玩手机", "severity", "GENERAL",
                "evidence", List.of("照片编号 031")), 200);
        post("/inspections/" + id + "/findings", Map.of("description", "服务指南未及时更新", "severity", "MINOR"), 200);
        assertThat(api.post("/inspections/" + id + "/closing", INSPECTOR, Map.of("date", "2026-11-04", "conclusion", "办结"), Map.of()).code())
                .isEqualTo("RECTIFICATION_NOT_VERIFIED");
        post("/inspections/" + id + "/rectification-requirement", Map.of("requirement", "加强窗口纪律管理", "deadline", "2026-11-10",
                "responsible", "窗口负责人"), 200);

        // the deadline has passed (today is after 2026-11-10): overdue on the board until accepted
        JsonNode board = ok(api.get("/rectifications?overdue=true", AUDITOR), 200).body();
        Eventually.that(() -> assertThat(ok(api.get("/rectifications?overdue=true", AUDITOR), 200).body().toString()).contains(id));
        post("/inspections/" + id + "/rectification-report", Map.of("date", "2026-11-08", "report", "已约谈当事人"), 200);
        post("/inspections/" + id + "/rectification-verification", Map.of("date", "2026-11-09", "accepted", false, "opinion", "制度未公示"), 200);
        post("/inspections/" + id + "/rectification-report", Map.of("date", "2026-11-12", "report", "制度已公示",
                "evidence", List.of("公示照片 2026-11")), 200);
        post("/inspections/" + id + "/rectification-verification", Map.of("date", "2026-11-13", "accepted", true, "opinion", "整改到位"), 200);
        long last = post("/inspections/" + id + "/closing", Map.of("date", "2026-11-14", "conclusion", "问题已整改到位，予以办结"), 200);
        assertThat(board).isNotNull();

        JsonNode inspection = ok(api.get("/inspections/" + id + "?minSequence=" + last, INSPECTOR), 200).body();
        assertThat(inspection.get("state").asString()).isEqualTo("CLOSED");
        assertThat(inspection.get("branchName").asString()).isEqualTo("不动产登记窗口党支部");
        assertThat(inspection.get("findings")).hasSize(2);
        assertThat(inspection.get("findings").get(1).get("no").asInt()).isEqualTo(2);
        assertThat(inspection.get("rounds")).extracting(r -> r.get("step").asString()).containsExactly("REPORTED", "SENT_BACK", "REPORTED", "ACCEPTED");
        assertThat(inspection.get("overdue").asBoolean()).isFalse();
        assertThat(ok(api.get("/rectifications?overdue=true", AUDITOR), 200).body().toString()).doesNotContain(id);
        JsonNode timeline = ok(api.get("/inspections/" + id + "/timeline?minSequence=" + last, AUDITOR), 200).body();
        assertThat(timeline.get("entries")).hasSize(10);
        assertThat(ok(api.get("/inspections/" + id + "/verification", AUDITOR), 200).body().get("intact").asBoolean()).isTrue();

        // three reads: the inspector's detail, the auditor's timeline and verification; the list and the board are not record reads
        Eventually.that(() -> {
            JsonNode reads = ok(api.get("/access-log?record=" + id, AUDITOR), 200).body();
            assertThat(reads.get("total").asInt()).isEqualTo(3);
            List<String> seen = new ArrayList<>();
            reads.get("items").forEach(read -> seen.add(read.get("view").asString() + " " + read.get("readerId").asString() + " "
                    + read.get("readerRole").asString()));
            assertThat(seen).containsExactlyInAnyOrder("DETAIL jijian DISCIPLINE_INSPECTOR", "TIMELINE shenji AUDITOR", "VERIFICATION shenji AUDITOR");
        });
        assertThat(api.get("/access-log?record=" + id, INSPECTOR).status()).as("auditors list the reads").isEqualTo(403);
    }

    @Test
    void aWrittenInquiryIsIssuedAnsweredAndConcludedOnlyOnceAnswered() {
        String id = ok(api.post("/inquiries", INSPECTOR, Map.of("memberId", member, "date", "2026-11-02", "questions", "请就反映的问题作出书面说明",
                "dueDate", "2026-11-09", "basis", "群众来信反映"), Map.of()), 201).body().get("id").asString();
        assertThat(api.post("/talks/" + id + "/conclusion", INSPECTOR, Map.of("date", "2026-11-10", "outcome", "了结"), Map.of()).code())
                .isEqualTo("INQUIRY_NOT_ANSWERED");
        JsonNode issued = ok(api.get("/talks/" + id + "?minSequence=0", AUDITOR), 200).body();
        assertThat(issued.get("overdue").asBoolean()).as("past its due day, unanswered").isTrue();
        assertThat(issued.get("member").get("name").asString()).isEqualTo("韩振华");
        assertThat(issued.get("member").get("branchName").asString()).isEqualTo("不动产登记窗口党支部");
        post("/talks/" + id + "/answer", Map.of("date", "2026-11-08", "answer", "已作出书面说明"), 200);
        long last = post("/talks/" + id + "/conclusion", Map.of("date", "2026-11-10", "outcome", "了结澄清"), 200);
        JsonNode concluded = ok(api.get("/talks/" + id + "?minSequence=" + last, INSPECTOR), 200).body();
        assertThat(concluded.get("state").asString()).isEqualTo("CONCLUDED");
        assertThat(concluded.get("kind").asString()).isEqualTo("WRITTEN_INQUIRY");
        assertThat(ok(api.get("/talks?member=" + member + "&kind=WRITTEN_INQUIRY", AUDITOR), 200).body().get("total").asInt()).isEqualTo(1);
        assertThat(api.post("/talks", INSPECTOR, Map.of("kind", "INTEGRITY_TALK", "memberId", UUID.randomUUID().toString(), "date", "2026-11-02",
                "talkers", List.of("赵纪检"), "content", "谈话", "basis", "安排"), Map.of()).code()).isEqualTo("MEMBER_NOT_FOUND");
    }

    @Test
    void onlyASanctionsEffectLeavesTheServiceOnItsOpenTopicTheCaseStaysOnTheRestrictedOne() {
        String matter = "违规收受服务对象礼品-" + UUID.randomUUID();
        String id = ok(api.post("/cases", INSPECTOR, Map.of("type", "SANCTION", "memberId", member, "matter", matter, "basis", "初步核实报告",
                "date", "2026-10-08"), Map.of()), 201).body().get("id").asString();
        post("/cases/" + id + "/proposal", Map.of("sanction", "WARNING", "reasons", "情节较轻", "date", "2026-10-20"), 200);
        post("/cases/" + id + "/decision", Map.of("sanction", "WARNING", "basis", "《中国共产党纪律处分条例》", "date", "2026-11-03",
                "effectiveFrom", "2026-11-03", "effectiveUntil", "2027-11-03"), 200);
        long last = post("/cases/" + id + "/sanction-ending", Map.of("endedOn", "2026-11-20", "reason", "经复查撤销"), 200);
        String sanctionId = CaseCommands.sanctionIdOf(id);
        JsonNode decided = ok(api.get("/cases/" + id + "?minSequence=" + last, INSPECTOR), 200).body();
        assertThat(decided.get("state").asString()).isEqualTo("ENDED");
        assertThat(decided.get("sanctionId").asString()).isEqualTo(sanctionId);

        String servers = TestInfrastructure.endpoints().kafkaBootstrapServers();
        Eventually.that(() -> {
            List<Topics.Record> open = Topics.records(servers, properties.topic());
            assertThat(open).as("only sanctions' effects on the open topic")
                    .allMatch(r -> r.type().startsWith("org.dangjian.discipline.SanctionTookEffect.")
                            || r.type().startsWith("org.dangjian.discipline.SanctionEnded."));
            List<Topics.Record> mine = open.stream().filter(r -> r.subject().equals(sanctionId)).toList();
            assertThat(mine).extracting(Topics.Record::type).containsExactly("org.dangjian.discipline.SanctionTookEffect.v1",
                    "org.dangjian.discipline.SanctionEnded.v1");
            JsonNode effect = JsonApi.JSON.readTree(mine.get(0).data());
            Set<String> fields = new java.util.TreeSet<>();
            for (Iterator<String> names = effect.propertyNames().iterator(); names.hasNext(); ) {
                fields.add(names.next());
            }
            assertThat(fields).containsExactly("effectiveFrom", "effectiveUntil", "memberId", "sanction", "sanctionId");
            assertThat(open).noneMatch(r -> r.data().contains(matter) || r.data().contains("初步核实报告") || r.subject().equals(id));
            List<Topics.Record> restricted = Topics.records(servers, properties.restrictedTopicOf("discipline"));
            assertThat(restricted.stream().filter(r -> r.subject().equals(id)).map(Topics.Record::type).toList()).containsExactly(
                    "org.dangjian.discipline.CaseOpened.v1", "org.dangjian.discipline.MeasureProposed.v1", "org.dangjian.discipline.CaseDecided.v1",
                    "org.dangjian.discipline.CaseSanctionEnded.v1");
        });
    }

    @Test
    void everyEndpointIsForDisciplineInspectorsAndAuditorsOnlyAndOthersGetNothing() {
        JsonNode paths = ok(api.get("/v3/api-docs", null), 200).body().get("paths");
        Set<String> entitled = Set.of(Roles.DISCIPLINE_INSPECTOR, Roles.AUDITOR);
        int endpoints = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode access = operation.getValue().get("x-dangjian-access");
                assertThat(access).as("%s %s declares who may call it", operation.getKey(), path.getKey()).isNotNull();
                List<String> roles = new ArrayList<>();
                access.forEach(role -> roles.add(role.asString()));
                assertThat(entitled).as("%s %s is for discipline inspectors and auditors only", operation.getKey(), path.getKey())
                        .containsAll(roles);
                endpoints++;
            }
        }
        assertThat(endpoints).isGreaterThan(25);
        Map<String, String> others = new HashMap<>();
        for (String role : List.of(Roles.COMMITTEE_STAFF, Roles.BRANCH_SECRETARY, Roles.PARTY_MEMBER, Roles.DEPARTMENT, Roles.PLATFORM_OPERATOR)) {
            others.put(role, TestTokens.forUser("someone-" + role.toLowerCase(java.util.Locale.ROOT), role, branch));
        }
        String id = ok(api.post("/cases", INSPECTOR, Map.of("type", "ACCOUNTABILITY", "memberId", member, "matter", "窗口作风问题", "basis", "检查情况",
                "date", "2026-11-02"), Map.of()), 201).body().get("id").asString();
        for (Map.Entry<String, String> other : others.entrySet()) {
            for (String read : List.of("/cases", "/cases/" + id, "/cases/" + id + "/timeline", "/inspections", "/talks", "/rectifications",
                    "/selection-supervisions", "/access-log")) {
                assertThat(api.get(read, other.getValue()).status()).as("%s reads %s", other.getKey(), read).isEqualTo(403);
            }
        }
        Eventually.that(() -> assertThat(ok(api.get("/access-log?record=" + id, AUDITOR), 200).body().get("total").asInt())
                .as("refused reads read nothing, and log nothing").isZero());
    }
}
