package org.dangjian.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.ComplianceConcluded;
import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MemberAdmittedAsProbationary;
import org.dangjian.contracts.members.MemberConfirmedAsFullMember;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.organisation.plan.SeedPlan;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.TestInfrastructure;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The committee's year of work over HTTP (docs/organisation.md): elections by the rules and terms warned when due, an
 * assessment scored on the activities service's published compliance and corrected with a reason, the seed work plan
 * imported once with its tasks on the board, lists, and a 双述双评 round; who may do what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class WorkServiceTest {

    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", "00000000-0000-4000-8000-000000000001");
    static final String MEMBER = TestTokens.forUser("dangyuan", "PARTY_MEMBER", "00000000-0000-4000-8000-000000000011");
    static final String DEPARTMENT = TestTokens.forUser("renshi", "DEPARTMENT", null);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties properties;

    Api api;
    ForeignEvents members;
    String committee;
    String branch;
    String other;
    String secretary;
    List<String> full = new ArrayList<>();
    String probationer;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
        members = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("members"), "members", "Member");
        committee = api.established(STAFF, "COMMITTEE", "工作测试党委", null);
        branch = api.established(STAFF, "BRANCH", "工作测试第一党支部", committee);
        other = api.established(STAFF, "BRANCH", "工作测试第二党支部", committee);
        secretary = TestTokens.forUser("shuji", "BRANCH_SECRETARY", branch);
        for (String name : List.of("李明", "张丽", "王强", "赵敏", "刘洋", "陈静")) {
            full.add(member(name, branch, true));
        }
        probationer = member("孙悦", branch, false);
        Eventually.that(() -> assertThat(api.get("/units/" + branch + "/roster", STAFF).body().path("partyMembers").asLong()).isEqualTo(7));
    }

    @AfterEach
    void tearDown() {
        members.close();
    }

    private String member(String name, String unit, boolean fullMember) {
        String id = UUID.randomUUID().toString();
        LocalDate day = TODAY.minusYears(3);
        members.publish(id, new MembershipApplicationReceived(id, name, Gender.MALE, LocalDate.of(1990, 1, 1), null, null, null, unit, day, null, null));
        members.publish(id, new MemberAdmittedAsProbationary(id, day, day, day.plusYears(1), null));
        if (fullMember) {
            members.publish(id, new MemberConfirmedAsFullMember(id, day.plusYears(1), day.plusYears(1), null));
        }
        return id;
    }

    private JsonApi.Response post(String path, String token, Map<String, ?> body) {
        return api.post(path, token, body, Map.of());
    }

    private JsonNode ok(JsonApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer.body();
    }

    private JsonNode read(String path, JsonNode written) {
        return ok(api.get(path + "?minSequence=" + written.get("sequence").asLong(), STAFF), 200);
    }

    private static Map<String, Object> seat(String memberId, String position) {
        return Map.of("memberId", memberId, "position", position);
    }

    @Test
    void electionsFollowTheRulesAndTermsInOfficeAreWarnedWhenDue() {
        String overdue = api.established(STAFF, "BRANCH", "工作测试超期党支部", committee);
        String elder = member("周国华", overdue, true);
        Eventually.that(() -> assertThat(api.get("/units/" + overdue + "/roster", STAFF).body().path("partyMembers").asLong()).isEqualTo(1));
        JsonNode late = ok(post("/terms", STAFF, Map.of("unitId", overdue, "startedOn", TODAY.minusYears(3).minusDays(10).toString(), "termYears", 3,
                "committee", List.of(seat(elder, "SECRETARY")))), 201);
        JsonNode recorded = ok(post("/terms", STAFF, Map.of("unitId", branch, "startedOn", TODAY.minusYears(3).plusDays(30).toString(), "termYears", 3,
                "committee", List.of(seat(full.get(0), "SECRETARY"), seat(full.get(1), "COMMITTEE_MEMBER")), "basis", "党委批复")), 201);
        assertThat(read("/terms/" + late.get("id").asString(), late).get("warning").asString()).isEqualTo("OVERDUE");
        JsonNode dueSoon = read("/terms/" + recorded.get("id").asString(), recorded);
        assertThat(dueSoon.get("warning").asString()).isEqualTo("DUE_SOON");
        assertThat(dueSoon.get("daysLeft").asLong()).isEqualTo(30);
        assertThat(dueSoon.at("/committee/0/name").asString()).isEqualTo("李明");
        assertThat(post("/terms", STAFF, Map.of("unitId", branch, "startedOn", TODAY.minusYears(1).toString(), "termYears", 3,
                "committee", List.of(seat(probationer, "SECRETARY")))).code()).isEqualTo("NOT_FULL_MEMBER");
        assertThat(post("/terms", STAFF, Map.of("unitId", branch, "startedOn", TODAY.minusYears(1).toString(), "termYears", 3,
                "committee", List.of(seat(elder, "SECRETARY")))).code()).isEqualTo("NOT_ON_ROSTER");

        JsonNode called = ok(post("/elections", STAFF, Map.of("unitId", branch, "calledOn", TODAY.minusDays(20).toString(), "electionDate",
                TODAY.minusDays(10).toString(), "termYears", 3, "seats", 3)), 201);
        String term = called.get("id").asString();
        read("/terms/" + term, called);
        assertThat(post("/elections", STAFF, Map.of("unitId", branch, "calledOn", TODAY.minusDays(20).toString(), "electionDate",
                TODAY.minusDays(10).toString(), "termYears", 3, "seats", 3)).code()).isEqualTo("ELECTION_IN_PROGRESS");
        List<Map<String, Object>> votes = List.of(Map.of("memberId", full.get(0), "votes", 6), Map.of("memberId", full.get(1), "votes", 5),
                Map.of("memberId", full.get(2), "votes", 4), Map.of("memberId", full.get(3), "votes", 3));
        assertThat(post("/terms/" + term + "/result", STAFF, Map.of("heldOn", TODAY.minusDays(10).toString(), "eligibleVoters", 7, "votesCast", 5,
                "candidates", votes.subList(1, 4), "secretaryId", full.get(1))).code()).isEqualTo("QUORUM_NOT_REACHED");
        assertThat(post("/terms/" + term + "/result", STAFF, Map.of("heldOn", TODAY.minusDays(10).toString(), "eligibleVoters", 7, "votesCast", 6,
                "candidates", votes, "secretaryId", full.get(3))).code()).isEqualTo("SECRETARY_NOT_ELECTED");
        ok(post("/terms/" + term + "/result", STAFF, Map.of("heldOn", TODAY.minusDays(10).toString(), "eligibleVoters", 7, "votesCast", 6,
                "candidates", votes, "secretaryId", full.get(0), "deputyIds", List.of(full.get(1)))), 200);
        JsonNode approved = ok(post("/terms/" + term + "/approval", STAFF, Map.of("approvedOn", TODAY.minusDays(3).toString(), "approvedBy",
                "工作测试党委")), 200);

        JsonNode now = read("/terms/" + term, approved);
        assertThat(now.get("state").asString()).isEqualTo("IN_OFFICE");
        assertThat(now.get("dueOn").asString()).isEqualTo(TODAY.minusDays(10).plusYears(3).toString());
        assertThat(now.get("warning").isNull()).isTrue();
        assertThat(now.get("candidates").findValuesAsString("memberId")).containsExactly(full.get(0), full.get(1), full.get(2), full.get(3));
        assertThat(now.get("candidates").findValues("elected").stream().map(JsonNode::asBoolean).toList()).containsExactly(true, true, true, false);
        assertThat(now.get("committee").findValuesAsString("position")).containsExactly("SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER");
        assertThat(read("/terms/" + recorded.get("id").asString(), recorded).get("state").asString()).isEqualTo("SUPERSEDED");

        JsonNode warned = ok(api.get("/terms?warning=ANY&unit=" + overdue, MEMBER), 200);
        assertThat(warned.get("items").findValuesAsString("id")).containsExactly(late.get("id").asString());
        assertThat(api.get("/terms", DEPARTMENT).status()).isEqualTo(403);
        assertThat(post("/elections", MEMBER, Map.of("unitId", other, "calledOn", TODAY.toString(), "electionDate", TODAY.toString(), "termYears", 3,
                "seats", 3)).status()).isEqualTo(403);
        JsonNode timeline = ok(api.get("/terms/" + term + "/timeline", STAFF), 200);
        assertThat(timeline.get("entries").findValuesAsString("type")).containsExactly("org.dangjian.organisation.BranchElectionCalled.v1",
                "org.dangjian.organisation.BranchElectionHeld.v1", "org.dangjian.organisation.BranchElectionApproved.v1");
        assertThat(ok(api.get("/terms/" + term + "/verification", STAFF), 200).get("intact").asBoolean()).isTrue();
    }

    @Test
    void anAssessmentIsScoredOnThePublishedComplianceCorrectedWithAReasonAndConcluded() {
        int year = TODAY.getYear() - 1;
        try (ForeignEvents activities = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("activities"),
                "activities", "Compliance")) {
            String compliance = UUID.randomUUID().toString();
            activities.publish(compliance, new ComplianceConcluded(compliance, branch, ActivityKind.PARTY_LESSON, year + "-Q2", "1", 1, 0, false,
                    List.of()));
        }
        Eventually.that(() -> assertThat(ok(api.get("/units/" + branch + "/compliance?year=" + year, STAFF), 200).get("items").size()).isEqualTo(1));

        JsonNode templates = ok(api.get("/assessment-criteria/templates", STAFF), 200);
        JsonNode wuhua = null;
        for (JsonNode template : templates.get("items")) {
            if ("wuhua".equals(template.get("code").asString())) {
                wuhua = template;
            }
        }
        assertThat(wuhua).isNotNull();
        JsonNode published = post("/assessment-criteria", STAFF, JsonApi.JSON.convertValue(wuhua, Map.class)).body();
        if (!"CRITERIA_UNCHANGED".equals(published.path("code").asString(""))) {
            assertThat(published.get("sequence").isNumber()).as(published.toString()).isTrue();
        }
        assertThat(post("/assessments", STAFF, Map.of("unitId", committee, "year", year, "criteriaCode", "wuhua", "openedOn", TODAY.toString(),
                "assessors", List.of("王建国"))).code()).isEqualTo("UNIT_KIND_NOT_ASSESSED");
        JsonNode opened = ok(post("/assessments", STAFF, Map.of("unitId", branch, "year", year, "criteriaCode", "wuhua", "openedOn",
                TODAY.minusDays(5).toString(), "assessors", List.of("王建国", "李红"))), 201);
        String id = opened.get("id").asString();
        Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        scores.put("ORGANISATION_SETUP", 18);
        scores.put("ORGANISATIONAL_LIFE", 15);
        scores.put("MANAGEMENT_SERVICE", 17);
        scores.put("WORK_SYSTEM", 16);
        scores.put("POSITION_BUILDING", 19);
        JsonNode last = opened;
        for (Map.Entry<String, Integer> score : scores.entrySet()) {
            last = ok(post("/assessments/" + id + "/scores", STAFF, Map.of("areaCode", score.getKey(), "score", score.getValue(), "date",
                    TODAY.minusDays(4).toString(), "evidence", List.of("检查记录 " + score.getKey()))), 200);
        }
        assertThat(post("/assessments/" + id + "/scores", STAFF, Map.of("areaCode", "WORK_SYSTEM", "score", 10, "date", TODAY.toString()))
                .code()).isEqualTo("AREA_ALREADY_SCORED");
        assertThat(post("/assessments/" + id + "/scores", STAFF, Map.of("areaCode", "NO_SUCH_AREA", "score", 10, "date", TODAY.toString()))
                .code()).isEqualTo("UNKNOWN_AREA");
        ok(post("/assessments/" + id + "/corrections", STAFF, Map.of("areaCode", "WORK_SYSTEM", "score", 18, "date", TODAY.minusDays(3).toString(),
                "reason", "补充提供了制度汇编", "evidence", List.of("制度汇编"))), 200);
        ok(post("/assessments/" + id + "/conclusion", STAFF, Map.of("date", TODAY.minusDays(2).toString(), "conclusion", "良好")), 200);
        JsonNode corrected = ok(post("/assessments/" + id + "/corrections", STAFF, Map.of("areaCode", "ORGANISATIONAL_LIFE", "score", 12, "date",
                TODAY.minusDays(1).toString(), "reason", "复核：第二季度党课未召开")), 200);

        JsonNode view = read("/assessments/" + id, corrected);
        assertThat(view.get("state").asString()).isEqualTo("CONCLUDED");
        assertThat(view.get("total").asInt()).isEqualTo(18 + 12 + 17 + 18 + 19);
        assertThat(view.get("grade").asString()).isEqualTo("GOOD");
        assertThat(view.get("criteriaVersion").asInt()).isPositive();
        JsonNode life = view.get("areas").get(1);
        assertThat(life.get("code").asString()).isEqualTo("ORGANISATIONAL_LIFE");
        assertThat(life.get("score").asInt()).isEqualTo(12);
        assertThat(life.at("/facts/0/kind").asString()).isEqualTo("PARTY_LESSON");
        assertThat(life.at("/facts/0/met").asBoolean()).isFalse();
        assertThat(life.at("/corrections/0/previousScore").asInt()).isEqualTo(15);
        assertThat(life.at("/corrections/0/reason").asString()).isEqualTo("复核：第二季度党课未召开");
        assertThat(view.get("areas").get(0).get("facts").isNull()).as("facts only for the area that takes them").isTrue();

        JsonNode timeline = ok(api.get("/assessments/" + id + "/timeline?minSequence=" + corrected.get("sequence").asLong(), MEMBER), 200);
        List<String> types = timeline.get("entries").findValuesAsString("type");
        assertThat(types).hasSize(9).startsWith("org.dangjian.organisation.UnitAssessmentOpened.v1")
                .endsWith("org.dangjian.organisation.UnitAssessmentConcluded.v1", "org.dangjian.organisation.UnitAssessmentCorrected.v1");
        JsonNode correction = timeline.get("entries").get(8);
        assertThat(correction.at("/actor/id").asString()).isEqualTo("dangwei");
        assertThat(correction.at("/data/reason").asString()).isEqualTo("复核：第二季度党课未召开");
        assertThat(correction.at("/data/correctsSequence").asLong()).as("the score of ORGANISATIONAL_LIFE, the second event after the opening")
                .isEqualTo(2);
        assertThat(correction.at("/data/grade").asString()).isEqualTo("GOOD");
    }

    @Test
    void theSeedPlanIsImportedOnceWithItsSectionsAndItemsAndItsTasksShowOnTheBoard() {
        String text = SeedPlan.text();
        long sections = text.lines().filter(Pattern.compile("^[一二三四五六七八九十]+、").asPredicate()).count();
        long items = text.lines().filter(Pattern.compile("^[0-9]+[、.]").asPredicate()).count();
        JsonNode imported = ok(post("/plans", STAFF, Map.of("unitId", committee, "year", 2022, "text", text)), 201);
        String plan = imported.get("id").asString();
        JsonNode again = ok(post("/plans", STAFF, Map.of("unitId", committee, "year", 2022, "text", "\uFEFF" + text.replace("\n", "\r\n\r\n"))), 200);
        assertThat(again.get("unchanged").asBoolean()).isTrue();
        assertThat(again.get("sequence").asLong()).isEqualTo(imported.get("sequence").asLong());
        assertThat(post("/plans", STAFF, Map.of("unitId", committee, "year", 2022, "text", text.replace("意识形态", "宣传思想"))).code())
                .isEqualTo("PLAN_ALREADY_IMPORTED");
        JsonApi.Response broken = post("/plans", STAFF, Map.of("unitId", committee, "year", 2023, "text", "一、加强政治建设\n\n（一 加强学习"));
        assertThat(broken.code()).isEqualTo("MALFORMED_NUMBERING");
        assertThat(broken.body().get("line").asInt()).isEqualTo(3);
        assertThat(broken.body().get("detail").asString()).contains("3");

        JsonNode board = read("/plans/" + plan, imported);
        assertThat(board.get("sections")).hasSize((int) sections);
        assertThat(board.get("itemCount").asInt()).isEqualTo((int) items);
        List<String> numbers = new ArrayList<>();
        board.get("sections").forEach(s -> s.get("items").forEach(i -> numbers.add(i.get("no").asString())));
        assertThat(numbers).containsSubsequence("8", "6", "7", "8");

        JsonNode item = board.at("/sections/2/items/0");
        JsonNode task = ok(post("/tasks", STAFF, Map.of("planId", plan, "itemPosition", item.get("position").asInt(), "title", "细化支部责任清单",
                "ownerUnitId", branch, "ownerPerson", "支部书记 李明", "assignedOn", "2022-03-01", "deadline", "2022-06-30")), 201);
        String taskId = task.get("id").asString();
        assertThat(post("/tasks", STAFF, Map.of("planId", plan, "itemPosition", 999, "title", "无此条目", "ownerUnitId", branch, "assignedOn",
                "2022-03-01", "deadline", "2022-06-30")).code()).isEqualTo("ITEM_NOT_FOUND");
        String outsider = TestTokens.forUser("shuji2", "BRANCH_SECRETARY", other);
        assertThat(post("/tasks/" + taskId + "/progress", outsider, Map.of("date", "2022-04-01", "percent", 50, "report", "越权")).code())
                .isEqualTo("NOT_YOUR_BRANCH");
        ok(post("/tasks/" + taskId + "/progress", secretary, Map.of("date", "2022-04-01", "percent", 100, "report", "已印发", "evidence",
                List.of("支部责任清单"))), 200);
        assertThat(post("/tasks/" + taskId + "/review", secretary, Map.of("date", "2022-04-02", "accepted", true, "opinion", "自己验收")).status())
                .isEqualTo(403);
        JsonNode reviewed = ok(post("/tasks/" + taskId + "/review", STAFF, Map.of("date", "2022-04-02", "accepted", true, "opinion", "同意验收")), 200);
        JsonNode late = ok(post("/tasks", STAFF, Map.of("planId", plan, "itemPosition", item.get("position").asInt(), "title", "逾期任务",
                "ownerUnitId", other, "assignedOn", "2022-03-01", "deadline", "2022-05-31")), 201);

        read("/tasks/" + taskId, reviewed);
        JsonNode after = read("/plans/" + plan, read("/tasks/" + late.get("id").asString(), late));
        JsonNode onBoard = after.at("/sections/2/items/0");
        assertThat(onBoard.get("tasks").findValuesAsString("title")).containsExactly("逾期任务", "细化支部责任清单");
        assertThat(onBoard.get("progress").asInt()).isEqualTo(50);
        assertThat(onBoard.get("overdue").asInt()).isEqualTo(1);
        assertThat(after.get("acceptedCount").asInt()).isEqualTo(1);
        assertThat(after.get("overdueCount").asInt()).isEqualTo(1);
        assertThat(ok(api.get("/tasks?overdue=true&plan=" + plan, MEMBER), 200).get("items").findValuesAsString("title")).containsExactly("逾期任务");
    }

    @Test
    void listsHoldDutiesOrTasks() {
        JsonNode drawn = ok(post("/responsibility-lists", STAFF, Map.of("kind", "RESPONSIBILITY", "unitId", branch, "year", TODAY.getYear(), "holder",
                "支部书记 李明", "title", "支部书记党建责任清单")), 201);
        String list = drawn.get("id").asString();
        ok(post("/responsibility-lists/" + list + "/entries", STAFF, Map.of("text", "履行党建工作第一责任人职责", "basis", "工作要点第 8 项")), 200);
        JsonNode second = ok(post("/responsibility-lists/" + list + "/entries", STAFF, Map.of("text", "每季度讲一次党课")), 200);
        JsonNode duties = read("/responsibility-lists/" + list, second);
        assertThat(duties.get("entries").findValuesAsString("text")).containsExactly("履行党建工作第一责任人职责", "每季度讲一次党课");
        assertThat(duties.get("kind").asString()).isEqualTo("RESPONSIBILITY");

        JsonNode tasks = ok(post("/responsibility-lists", STAFF, Map.of("kind", "TASK", "unitId", branch, "year", TODAY.getYear(), "title",
                "支部任务清单")), 201);
        String taskList = tasks.get("id").asString();
        assertThat(post("/responsibility-lists/" + taskList + "/entries", STAFF, Map.of("text", "任务")).code()).isEqualTo("NOT_A_RESPONSIBILITY_LIST");
        assertThat(post("/tasks", STAFF, Map.of("listId", list, "title", "不应在责任清单", "ownerUnitId", branch, "assignedOn", TODAY.toString(),
                "deadline", TODAY.plusMonths(1).toString())).code()).isEqualTo("NOT_A_TASK_LIST");
        JsonNode task = ok(post("/tasks", STAFF, Map.of("listId", taskList, "title", "建设党员活动室", "ownerUnitId", branch, "assignedOn",
                TODAY.toString(), "deadline", TODAY.plusMonths(2).toString())), 201);
        read("/tasks/" + task.get("id").asString(), task);
        assertThat(ok(api.get("/responsibility-lists/" + taskList, MEMBER), 200).get("tasks").findValuesAsString("title"))
                .containsExactly("建设党员活动室");
    }

    @Test
    void aSecretarysReportIsSubmittedEvaluatedByNamedEvaluatorsAndConcluded() {
        int year = TODAY.getYear() - 1;
        Map<String, Object> report = new HashMap<>(Map.of("unitId", branch, "year", year, "secretaryMemberId", full.get(0), "secretaryName", "李明",
                "submittedOn", TODAY.minusDays(6).toString(), "partyWorkReport", "全年召开支部党员大会 4 次。", "businessWorkReport", "办件 1.2 万件。"));
        assertThat(post("/secretary-reports", TestTokens.forUser("shuji2", "BRANCH_SECRETARY", other), report).code())
                .as("another branch's secretary finds no branch to report for").isEqualTo("UNIT_NOT_FOUND");
        JsonNode submitted = ok(post("/secretary-reports", secretary, report), 201);
        String id = submitted.get("id").asString();
        assertThat(post("/secretary-reports", STAFF, report).code()).isEqualTo("REPORT_ALREADY_SUBMITTED");
        assertThat(post("/secretary-reports/" + id + "/conclusion", STAFF, Map.of("date", TODAY.toString(), "conclusion", "好")).code())
                .isEqualTo("NO_EVALUATIONS");
        ok(post("/secretary-reports/" + id + "/evaluations", STAFF, Map.of("evaluator", "王建国", "evaluatorRole", "党委委员", "partyWorkRating",
                "EXCELLENT", "businessWorkRating", "GOOD", "date", TODAY.minusDays(5).toString())), 200);
        ok(post("/secretary-reports/" + id + "/evaluations", STAFF, Map.of("evaluator", "周立群", "partyWorkRating", "GOOD", "businessWorkRating",
                "FAIR", "comment", "业务有待加强", "date", TODAY.minusDays(5).toString())), 200);
        assertThat(post("/secretary-reports/" + id + "/evaluations", STAFF, Map.of("evaluator", "王建国", "partyWorkRating", "GOOD",
                "businessWorkRating", "GOOD", "date", TODAY.toString())).code()).isEqualTo("EVALUATOR_ALREADY_RATED");
        JsonNode concluded = ok(post("/secretary-reports/" + id + "/conclusion", STAFF, Map.of("date", TODAY.minusDays(4).toString(), "conclusion",
                "党建较好，业务一般偏上")), 200);

        JsonNode view = read("/secretary-reports/" + id, concluded);
        assertThat(view.get("state").asString()).isEqualTo("CONCLUDED");
        assertThat(view.get("partyWorkRating").asString()).isEqualTo("EXCELLENT");
        assertThat(view.get("businessWorkRating").asString()).isEqualTo("GOOD");
        assertThat(view.get("evaluations").findValuesAsString("evaluator")).containsExactly("王建国", "周立群");
        assertThat(api.get("/secretary-reports/" + id, MEMBER).status()).as("it rates a person: not for party members").isEqualTo(403);
        JsonNode timeline = ok(api.get("/secretary-reports/" + id + "/timeline", STAFF), 200);
        assertThat(timeline.at("/entries/0/actor/id").asString()).isEqualTo("shuji");
        assertThat(timeline.get("entries")).hasSize(4);
    }

    @Test
    void anAuditorReadsTheHeadsOfManyStreamsAtOnceAsTheStoreHoldsThem() {
        String auditor = TestTokens.forUser("shenji", "AUDITOR", null);
        JsonNode renamed = ok(post("/units/" + other + "/rename", STAFF, Map.of("name", "工作测试第二党支部（更名）")), 200);
        String unknown = UUID.randomUUID().toString();
        JsonNode heads = ok(post("/streams/heads", auditor, Map.of("aggregateIds", List.of(branch, other, unknown, other))), 200).get("heads");
        assertThat(heads.findValuesAsString("aggregateId")).containsExactlyInAnyOrder(branch, other);
        for (JsonNode head : heads) {
            JsonNode stream = ok(api.get("/streams/" + head.get("aggregateId").asString(), auditor), 200);
            assertThat(head.get("headSequence").asLong()).isEqualTo(stream.get("headSequence").asLong());
            assertThat(head.get("headHash").asString()).isEqualTo(stream.get("headHash").asString());
            assertThat(head.get("aggregateType").asString()).isEqualTo("OrganisationUnit");
        }
        assertThat(heads.findValues("headSequence").stream().mapToLong(JsonNode::asLong).max().orElseThrow())
                .isEqualTo(renamed.get("sequence").asLong());
        assertThat(post("/streams/heads", STAFF, Map.of("aggregateIds", List.of(branch))).status()).isEqualTo(403);
    }
}
