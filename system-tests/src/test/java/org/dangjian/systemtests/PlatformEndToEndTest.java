package org.dangjian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dangjian.launcher.Launcher;
import org.dangjian.testsupport.DemoLogin;
import org.dangjian.testsupport.SseClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as a user meets it: started by the launcher on the embedded infrastructure (built jars, child JVMs),
 * a demo user signs in at the identity provider, and everything goes through the gateway.
 */
class PlatformEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    /** The demo tree's 机关第一党支部, whose secretary is the demo user shuji. */
    static final String FIRST_BRANCH = "00000000-0000-4000-8000-000000000011";

    static Launcher platform;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startThePlatform() throws Exception {
        platform = RunningPlatform.get();
    }

    record Answer(int status, HttpResponse<String> raw, JsonNode body) {
    }

    static Answer call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response, json);
    }

    @Test
    void aDemoUserEstablishesABranchUnderTheCommitteeAndSeesItsTimelineEntryWithActorAndHash() throws Exception {
        String token = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", "dangjian");

        Answer created = call("POST", "/api/organisation/units", token,
                Map.of("kind", "BRANCH", "name", "党建示范支部", "parentId", COMMITTEE, "reason", "党委会议决定设立"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String branch = created.body().get("id").asString();
        long sequence = created.body().get("sequence").asLong();

        Answer unit = call("GET", "/api/organisation/units/" + branch + "?minSequence=" + sequence, token, null);
        assertThat(unit.status()).isEqualTo(200);
        assertThat(unit.body().get("name").asString()).isEqualTo("党建示范支部");
        assertThat(unit.body().at("/parent/id").asString()).isEqualTo(COMMITTEE);
        assertThat(unit.body().at("/parent/name").asString()).isEqualTo("政务服务中心党委");

        Answer timeline = call("GET", "/api/organisation/units/" + branch + "/timeline?minSequence=" + sequence, token, null);
        JsonNode entry = timeline.body().at("/entries/0");
        assertThat(entry.at("/actor/id").asString()).isEqualTo("dangwei");
        assertThat(entry.at("/actor/role").asString()).isEqualTo("COMMITTEE_STAFF");
        assertThat(entry.get("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(entry.get("type").asString()).isEqualTo("org.dangjian.organisation.OrganisationUnitEstablished.v1");
        assertThat(entry.get("correlationId").asString()).isEqualTo(created.raw().headers().firstValue("X-Correlation-Id").orElseThrow());
    }

    @Test
    void theDemoTreeIsLoadedAndItsEventsNameTheLoaderAsTheirActor() throws Exception {
        String token = DemoLogin.accessToken(URI.create(platform.issuer()), "shenji", "dangjian");
        Answer tree = call("GET", "/api/organisation/tree", token, null);
        assertThat(tree.status()).isEqualTo(200);
        JsonNode committee = null;
        for (JsonNode top : tree.body().get("units")) {
            if (top.get("id").asString().equals(COMMITTEE)) {
                committee = top; // other tests establish committees of their own beside it
            }
        }
        assertThat(committee).as("the demo committee at the top of the tree").isNotNull();
        assertThat(committee.get("subordinates").findValuesAsString("name")).contains("机关第一党支部", "窗口党总支", "中心工会");
        Answer timeline = call("GET", "/api/organisation/units/" + COMMITTEE + "/timeline", token, null);
        assertThat(timeline.body().at("/entries/0/actor/id").asString()).isEqualTo("demo-data-loader");
    }

    @Test
    void theGatewayAnswersWithProblemsForMissingTokensAndForbiddenRoles() throws Exception {
        Answer anonymous = call("POST", "/api/organisation/units", null, Map.of("kind", "COMMITTEE", "name", "x"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.body().get("code").asString()).isEqualTo("UNAUTHENTICATED");

        String member = DemoLogin.accessToken(URI.create(platform.issuer()), "dangyuan", "dangjian");
        Answer forbidden = call("POST", "/api/organisation/units", member, Map.of("kind", "BRANCH", "name", "x", "parentId", COMMITTEE));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("code").asString()).isEqualTo("FORBIDDEN");

        Answer me = call("GET", "/api/me", member, null);
        assertThat(me.body().get("username").asString()).isEqualTo("dangyuan");
        assertThat(me.body().get("roles").toString()).contains("PARTY_MEMBER");
    }

    /**
     * 发展党员 through the gateway as the demo branch secretary and committee staff do it: an application to the demo's
     * first branch, each step of the way (the secretary's and the committee's), then the file and its timeline with every
     * step, its actor and its basis.
     */
    @Test
    void anApplicantGoesAllTheWayToFullMemberThroughTheGatewayAndTheTimelineShowsEveryStepWithActorAndBasis() throws Exception {
        String secretary = DemoLogin.accessToken(URI.create(platform.issuer()), "shuji", "dangjian");
        String staff = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", "dangjian");
        Answer applied = call("POST", "/api/members/members", secretary, Map.of("name", "贺晓光", "gender", "MALE", "birthDate", "1995-06-14",
                "idCardNumber", "110105199506140013", "branchId", FIRST_BRANCH, "applicationDate", "2023-01-05", "basis", "入党申请书"));
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(201);
        String member = "/api/members/members/" + applied.body().get("id").asString();
        record Step(String path, String token, Map<String, Object> body) {
        }
        long sequence = 0;
        for (Step step : List.of(
                new Step("/activist", secretary, Map.of("date", "2023-02-01", "basis", "支部委员会研究确定")),
                new Step("/development-object", secretary, Map.of("date", "2023-08-01", "basis", "培养考察合格")),
                new Step("/political-review", secretary, Map.of("date", "2023-09-01", "conclusion", "PASSED", "basis", "函调材料齐全")),
                new Step("/admission", staff, Map.of("branchMeetingDate", "2023-10-10", "committeeApprovalDate", "2023-10-20", "basis", "党委会议审批")),
                new Step("/full-membership", staff, Map.of("branchMeetingDate", "2024-10-10", "committeeApprovalDate", "2024-10-20",
                        "basis", "预备期满，按期转正")))) {
            Answer answer = call("POST", member + step.path(), step.token(), step.body());
            assertThat(answer.status()).as(step.path() + " " + answer.raw().body()).isEqualTo(200);
            sequence = answer.body().get("sequence").asLong();
        }

        Answer file = call("GET", member + "?minSequence=" + sequence, secretary, null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().get("stage").asString()).isEqualTo("FULL_MEMBER");
        assertThat(file.body().get("branchId").asString()).isEqualTo(FIRST_BRANCH);
        JsonNode entries = call("GET", member + "/timeline?minSequence=" + sequence, secretary, null).body().get("entries");
        List<String> seen = new java.util.ArrayList<>();
        entries.forEach(entry -> seen.add(entry.get("type").asString().replaceFirst("^org\\.dangjian\\.members\\.", "") + " "
                + entry.at("/actor/id").asString() + " " + entry.at("/data/basis").asString()));
        assertThat(seen).containsExactly(
                "MembershipApplicationReceived.v1 shuji 入党申请书",
                "MemberDesignatedActivist.v1 shuji 支部委员会研究确定",
                "MemberDesignatedDevelopmentObject.v1 shuji 培养考察合格",
                "MemberPoliticalReviewConcluded.v1 shuji 函调材料齐全",
                "MemberAdmittedAsProbationary.v1 dangwei 党委会议审批",
                "MemberConfirmedAsFullMember.v1 dangwei 预备期满，按期转正");
        assertThat(call("GET", member + "/verification", staff, null).body().get("intact").asBoolean()).isTrue();
    }

    /**
     * Across services through the gateway: a meeting of the demo branch held with 张丽's attendance in the activities
     * service becomes her "五星十佳" points in the members service, the entry and her timeline naming the attendance event.
     */
    @Test
    void aMeetingHeldWithAttendanceBecomesPointsInTheMembersServiceNamingTheAttendanceEvent() throws Exception {
        String secretary = DemoLogin.accessToken(URI.create(platform.issuer()), "shuji", "dangjian");
        String member = "00000000-0000-4000-8001-000000000001"; // 张丽, of the demo's first branch
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
        Answer scheduled = call("POST", "/api/activities/activities", secretary, Map.of("branchId", FIRST_BRANCH, "kind", "PARTY_LESSON",
                "topic", "专题党课：政务服务作风建设", "plannedDate", day.toString(), "place", "党员活动室"));
        assertThat(scheduled.status()).as(scheduled.raw().body()).isEqualTo(201);
        String activity = "/api/activities/activities/" + scheduled.body().get("id").asString();
        assertThat(call("POST", activity + "/holding", secretary, Map.of("date", day.toString(), "minutes", "书记讲党课，党员交流发言。",
                "speaker", "李明")).status()).isEqualTo(200);
        Answer attended = call("POST", activity + "/attendance", secretary, Map.of("entries", List.of(Map.of("memberId", member,
                "attendance", "PRESENT"))));
        assertThat(attended.status()).as(attended.raw().body()).isEqualTo(200);
        long sequence = attended.body().get("sequence").asLong();
        JsonNode attendance = call("GET", activity + "/timeline?minSequence=" + sequence, secretary, null).body().get("entries").get((int) sequence);
        assertThat(attendance.get("type").asString()).isEqualTo("org.dangjian.activities.AttendanceRecorded.v1");
        String eventId = attendance.get("eventId").asString();

        JsonNode entry = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (entry == null && System.nanoTime() < deadline) {
            for (JsonNode candidate : call("GET", "/api/members/members/" + member + "/points?year=" + day.getYear(), secretary, null).body()
                    .path("entries")) {
                if (eventId.equals(candidate.path("sourceEventId").asString())) {
                    entry = candidate;
                }
            }
            Thread.sleep(200);
        }
        assertThat(entry).as("the points entry of the attendance event").isNotNull();
        assertThat(entry.get("rule").asString()).isEqualTo("ATTENDANCE_PRESENT");
        assertThat(entry.get("points").asInt()).isEqualTo(2);
        JsonNode caused = null;
        for (JsonNode event : call("GET", "/api/members/members/" + member + "/timeline?from=0&limit=500", secretary, null).body().get("entries")) {
            if (eventId.equals(event.path("causationId").asString())) {
                caused = event;
            }
        }
        assertThat(caused).as("the member's timeline entry caused by the attendance event").isNotNull();
        assertThat(caused.get("type").asString()).isEqualTo("org.dangjian.members.MemberPointsRecorded.v1");
        assertThat(caused.at("/actor/id").asString()).isEqualTo("service:members");
    }

    @Test
    void aSanctionDecidedInTheDisciplineServiceVetoesTheMembersCadreAssessmentNamingTheDisciplineEvent() throws Exception {
        String staff = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", "dangjian");
        String inspector = DemoLogin.accessToken(URI.create(platform.issuer()), "jijian", "dangjian");
        String auditor = DemoLogin.accessToken(URI.create(platform.issuer()), "shenji", "dangjian");
        String member = "00000000-0000-4000-8001-000000000024"; // 韩振华, a full member of the demo's registry window branch
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Answer opened = call("POST", "/api/members/members/" + member + "/cadre-assessments", staff, Map.of("year", today.getYear(),
                "date", today.toString(), "basis", "年度干部政治建设考察"));
        assertThat(opened.status()).as(opened.raw().body()).isIn(200, 201);

        Answer matter = call("POST", "/api/discipline/cases", inspector, Map.of("type", "SANCTION", "memberId", member,
                "matter", "违反工作纪律（端到端测试）", "basis", "初步核实报告", "date", today.toString()));
        assertThat(matter.status()).as(matter.raw().body()).isEqualTo(201);
        String caseId = matter.body().get("id").asString();
        assertThat(call("POST", "/api/discipline/cases/" + caseId + "/proposal", inspector, Map.of("sanction", "WARNING", "reasons", "情节较轻",
                "date", today.toString())).status()).isEqualTo(200);
        Answer decided = call("POST", "/api/discipline/cases/" + caseId + "/decision", inspector, Map.of("sanction", "WARNING",
                "basis", "《中国共产党纪律处分条例》", "date", today.toString(), "effectiveFrom", today.toString()));
        assertThat(decided.status()).as(decided.raw().body()).isEqualTo(200);
        JsonNode decidedCase = call("GET", "/api/discipline/cases/" + caseId + "?minSequence=" + decided.body().get("sequence").asLong(),
                auditor, null).body();
        String sanctionId = decidedCase.get("sanctionId").asString();

        // the members service vetoes his open cadre assessment, naming the discipline service's event
        JsonNode veto = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (veto == null && System.nanoTime() < deadline) {
            for (JsonNode assessment : call("GET", "/api/members/members/" + member, staff, null).body().path("cadreAssessments")) {
                if (assessment.path("year").asInt() == today.getYear() && "VETOED".equals(assessment.path("state").asString())) {
                    veto = assessment.get("veto");
                }
            }
            Thread.sleep(200);
        }
        assertThat(veto).as("the year's cadre assessment vetoed").isNotNull();
        assertThat(veto.get("sanctionId").asString()).isEqualTo(sanctionId);
        assertThat(veto.get("sanction").asString()).isEqualTo("WARNING");
        String causingEventId = veto.get("causingEventId").asString();
        JsonNode vetoEvent = null;
        for (JsonNode event : call("GET", "/api/members/members/" + member + "/timeline?from=0&limit=500", auditor, null).body().get("entries")) {
            if (event.path("type").asString().startsWith("org.dangjian.members.CadrePoliticalAssessmentVetoed")) {
                vetoEvent = event;
            }
        }
        assertThat(vetoEvent).isNotNull();
        assertThat(vetoEvent.get("causationId").asString()).as("caused by the discipline service's published event").isEqualTo(causingEventId);
        assertThat(vetoEvent.at("/actor/id").asString()).isEqualTo("service:members");
        // the published effect is no case: the members service and everyone else see no case content, the staff not even the case
        assertThat(call("GET", "/api/discipline/cases/" + caseId, staff, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/members/members/" + member, staff, null).raw().body()).doesNotContain("违反工作纪律");
        JsonNode reads = call("GET", "/api/discipline/access-log?record=" + caseId, auditor, null).body();
        for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); reads.path("total").asInt() == 0 && System.nanoTime() < until; ) {
            Thread.sleep(200);
            reads = call("GET", "/api/discipline/access-log?record=" + caseId, auditor, null).body();
        }
        assertThat(reads.get("total").asInt()).as("the auditor's read of the case, and only it, is logged").isEqualTo(1);
        assertThat(reads.get("items").get(0).get("readerId").asString()).isEqualTo("shenji");
    }

    /** Polls an audit read until it answers 200 (the audit service sees an event within moments of its publication). */
    static JsonNode audited(String path, String token) throws Exception {
        Answer answer = call("GET", path, token, null);
        for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); answer.status() != 200 && System.nanoTime() < until; ) {
            Thread.sleep(200);
            answer = call("GET", path, token, null);
        }
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void theAuditServiceWitnessesEveryServicesRecordWithActorsHashesAndCausationAndVerifiesItAgainstTheirStores() throws Exception {
        String staff = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", "dangjian");
        String secretary = DemoLogin.accessToken(URI.create(platform.issuer()), "shuji", "dangjian");
        String inspector = DemoLogin.accessToken(URI.create(platform.issuer()), "jijian", "dangjian");
        String auditor = DemoLogin.accessToken(URI.create(platform.issuer()), "shenji", "dangjian");
        String member = "00000000-0000-4000-8001-000000000001"; // 张丽, of the demo's first branch
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);

        // organisation: a branch established
        Answer unit = call("POST", "/api/organisation/units", staff, Map.of("kind", "BRANCH", "name", "审计见证支部", "parentId", COMMITTEE));
        assertThat(unit.status()).as(unit.raw().body()).isEqualTo(201);
        String unitId = unit.body().get("id").asString();
        JsonNode ownEntry = call("GET", "/api/organisation/units/" + unitId + "/timeline?minSequence=0", staff, null).body().at("/entries/0");
        // activities and members: an attendance, and the points it caused
        Answer scheduled = call("POST", "/api/activities/activities", secretary, Map.of("branchId", FIRST_BRANCH, "kind", "PARTY_GROUP_MEETING",
                "topic", "党小组会：审计见证", "plannedDate", day.toString(), "place", "党员活动室"));
        assertThat(scheduled.status()).as(scheduled.raw().body()).isEqualTo(201);
        String activityId = scheduled.body().get("id").asString();
        assertThat(call("POST", "/api/activities/activities/" + activityId + "/holding", secretary, Map.of("date", day.toString(),
                "minutes", "学习讨论。")).status()).isEqualTo(200);
        assertThat(call("POST", "/api/activities/activities/" + activityId + "/attendance", secretary, Map.of("entries",
                List.of(Map.of("memberId", member, "attendance", "PRESENT")))).status()).isEqualTo(200);
        // discipline: an inspection, restricted content
        Answer inspection = call("POST", "/api/discipline/inspections", inspector, Map.of("target", "WINDOW", "targetName", "综合受理窗口",
                "mode", "UNANNOUNCED", "plannedDate", day.toString(), "inspectors", List.of("赵纪检")));
        assertThat(inspection.status()).as(inspection.raw().body()).isEqualTo(201);
        String inspectionId = inspection.body().get("id").asString();

        // the audit service's timeline of the unit: the same event, actor and hash as the organisation service's own
        JsonNode witnessed = audited("/api/audit/timelines/organisation/" + unitId, auditor).at("/entries/items/0");
        assertThat(witnessed.get("eventId").asString()).isEqualTo(ownEntry.get("eventId").asString());
        assertThat(witnessed.get("hash").asString()).isEqualTo(ownEntry.get("hash").asString());
        assertThat(witnessed.at("/actor/id").asString()).isEqualTo("dangwei");
        assertThat(witnessed.at("/actor/role").asString()).isEqualTo("COMMITTEE_STAFF");
        // the activity's timeline in order; its attendance caused the members service's points (another service)
        JsonNode attendance = null;
        for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < until; Thread.sleep(300)) {
            JsonNode entries = audited("/api/audit/timelines/activities/" + activityId, auditor).at("/entries/items");
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).get("sequence").asLong()).isEqualTo(i);
                if (i > 0) {
                    assertThat(entries.get(i).get("prevHash").asString()).isEqualTo(entries.get(i - 1).get("hash").asString());
                }
                if (entries.get(i).get("type").asString().startsWith("org.dangjian.activities.AttendanceRecorded")
                        && !entries.get(i).get("caused").isEmpty()) {
                    attendance = entries.get(i);
                }
            }
            if (attendance != null) {
                break;
            }
        }
        assertThat(attendance).as("the attendance, with what it caused").isNotNull();
        JsonNode points = attendance.get("caused").get(0);
        assertThat(points.get("service").asString()).isEqualTo("members");
        assertThat(points.get("type").asString()).isEqualTo("org.dangjian.members.MemberPointsRecorded.v1");
        assertThat(points.get("aggregateId").asString()).isEqualTo(member);
        // discipline content: the auditor reads it, committee staff do not
        assertThat(audited("/api/audit/timelines/discipline/" + inspectionId, auditor).at("/stream/restricted").asBoolean()).isTrue();
        assertThat(call("GET", "/api/audit/timelines/discipline/" + inspectionId, staff, null).status()).isEqualTo(404);
        // the demo's assessments are audited subjects
        assertThat(audited("/api/audit/subjects?kind=democratic-evaluation", auditor).get("total").asLong()).isPositive();

        // verified against the organisation service's store (asked with the auditor's token), and included in a checkpoint
        Answer verified = call("POST", "/api/audit/verifications", auditor, Map.of("service", "organisation", "aggregateId", unitId));
        assertThat(verified.status()).as(verified.raw().body()).isEqualTo(201);
        JsonNode verification = audited("/api/audit/verifications/" + verified.body().get("id").asString() + "?minSequence=0", auditor);
        assertThat(verification.get("storesCompared").asLong()).isEqualTo(1);
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        // everything at once: every witnessed stream's head compared with its store (one request per service)
        Answer all = call("POST", "/api/audit/verifications", auditor, Map.of());
        assertThat(all.status()).as(all.raw().body()).isEqualTo(201);
        JsonNode everything = audited("/api/audit/verifications/" + all.body().get("id").asString() + "?minSequence=0", auditor);
        assertThat(everything.get("streamsChecked").asLong()).isGreaterThan(100);
        assertThat(everything.get("storesUnreachable").asLong()).isZero();
        assertThat(everything.get("storesCompared").asLong()).isEqualTo(everything.get("streamsChecked").asLong());
        assertThat(everything.get("findings")).as("nothing wrong but, at most, events stored and not yet published")
                .allSatisfy(finding -> assertThat(finding.get("kind").asString()).isEqualTo("STORE_AHEAD"));
        Answer signed = call("POST", "/api/audit/checkpoints", auditor, null);
        assertThat(signed.status()).as(signed.raw().body()).isEqualTo(201);
        String number = signed.raw().headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        JsonNode proof = audited("/api/audit/checkpoints/" + number + "/inclusion?service=organisation&aggregateId=" + unitId, auditor);
        assertThat(proof.at("/leaf/count").asLong()).isEqualTo(1);
        assertThat(proof.at("/leaf/head").asString()).isEqualTo(ownEntry.get("hash").asString());
    }

    /**
     * The committee's year of work through the gateway (docs/organisation.md): an election held by the rules and
     * approved, a "五化" assessment with a correction after its conclusion, the demo's 2022 work plan on the board and a
     * task of it reported and accepted; the audit service shows the assessment as a subject with every score, the
     * correction and the conclusion, each with its actor and reason.
     */
    @Test
    void theCommitteesYearOfWorkRunsThroughTheGatewayAndTheAuditShowsTheAssessment() throws Exception {
        String staff = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", "dangjian");
        String secretary = DemoLogin.accessToken(URI.create(platform.issuer()), "shuji", "dangjian");
        String auditor = DemoLogin.accessToken(URI.create(platform.issuer()), "shenji", "dangjian");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String org = "/api/organisation";

        // an election of the demo's first branch, its candidates the full members on its roster
        List<String> full = new java.util.ArrayList<>();
        audited(org + "/units/" + FIRST_BRANCH + "/roster?size=200", staff).get("items").forEach(entry -> {
            if ("FULL_MEMBER".equals(entry.get("stage").asString())) {
                full.add(entry.get("memberId").asString());
            }
        });
        assertThat(full).hasSizeGreaterThanOrEqualTo(3);
        Answer called = call("POST", org + "/elections", staff, Map.of("unitId", FIRST_BRANCH, "calledOn", today.minusDays(2).toString(),
                "electionDate", today.minusDays(1).toString(), "termYears", 3, "seats", 3));
        assertThat(called.status()).as(called.raw().body()).isEqualTo(201);
        String term = org + "/terms/" + called.body().get("id").asString();
        List<Map<String, Object>> votes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            votes.add(Map.of("memberId", full.get(i), "votes", full.size() - i));
        }
        Answer held = call("POST", term + "/result", staff, Map.of("heldOn", today.minusDays(1).toString(), "eligibleVoters", full.size(),
                "votesCast", full.size(), "candidates", votes, "secretaryId", full.get(0)));
        assertThat(held.status()).as(held.raw().body()).isEqualTo(200);
        Answer approved = call("POST", term + "/approval", staff, Map.of("approvedOn", today.toString(), "approvedBy", "中心党委"));
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        JsonNode inOffice = audited(term + "?minSequence=" + approved.body().get("sequence").asLong(), staff);
        assertThat(inOffice.get("state").asString()).isEqualTo("IN_OFFICE");
        assertThat(inOffice.get("current").asBoolean()).isTrue();
        assertThat(inOffice.get("dueOn").asString()).isEqualTo(today.minusDays(1).plusYears(3).toString());

        // a "五化" assessment of this year, corrected after its conclusion
        // the built-in "五化" set as its latest version (published now unless it is already: CRITERIA_UNCHANGED)
        JsonNode template = null;
        for (JsonNode candidate : audited(org + "/assessment-criteria/templates", staff).get("items")) {
            template = "wuhua".equals(candidate.get("code").asString()) ? candidate : template;
        }
        Answer published = call("POST", org + "/assessment-criteria", staff, template);
        assertThat(published.status() == 201 || "CRITERIA_UNCHANGED".equals(published.body().path("code").asString()))
                .as(published.raw().body()).isTrue();
        Answer opened = call("POST", org + "/assessments", staff, Map.of("unitId", FIRST_BRANCH, "year", today.getYear(), "criteriaCode", "wuhua",
                "openedOn", today.toString(), "assessors", List.of("王建华")));
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
        String assessmentId = opened.body().get("id").asString();
        String assessment = org + "/assessments/" + assessmentId;
        for (String area : List.of("ORGANISATION_SETUP", "ORGANISATIONAL_LIFE", "MANAGEMENT_SERVICE", "WORK_SYSTEM", "POSITION_BUILDING")) {
            Answer scored = call("POST", assessment + "/scores", staff, Map.of("areaCode", area, "score", 18, "date", today.toString(),
                    "evidence", List.of("现场检查记录")));
            assertThat(scored.status()).as(area + " " + scored.raw().body()).isEqualTo(200);
        }
        assertThat(call("POST", assessment + "/conclusion", staff, Map.of("date", today.toString(), "conclusion", "优秀")).status()).isEqualTo(200);
        Answer corrected = call("POST", assessment + "/corrections", staff, Map.of("areaCode", "ORGANISATIONAL_LIFE", "score", 10, "date",
                today.toString(), "reason", "复核发现组织生活会未按期召开"));
        assertThat(corrected.status()).as(corrected.raw().body()).isEqualTo(200);
        JsonNode graded = audited(assessment + "?minSequence=" + corrected.body().get("sequence").asLong(), staff);
        assertThat(graded.get("total").asInt()).isEqualTo(82);
        assertThat(graded.get("grade").asString()).isEqualTo("GOOD");

        // the demo's 2022 plan on the board; a task of it reported by the owner branch's secretary and accepted
        JsonNode plan = null;
        for (JsonNode candidate : audited(org + "/plans", staff).get("items")) {
            boolean committees2022 = candidate.get("year").asInt() == 2022 && COMMITTEE.equals(candidate.get("unitId").asString());
            plan = committees2022 ? candidate : plan; // (hostile input through the gateway may have imported its example plan for a branch)
        }
        assertThat(plan).as("the demo's 2022 work plan").isNotNull();
        assertThat(plan.get("itemCount").asInt()).isEqualTo(16);
        String planId = plan.get("id").asString();
        Answer task = call("POST", org + "/tasks", staff, Map.of("planId", planId, "itemPosition", 9, "title", "系统测试：细化责任清单",
                "ownerUnitId", FIRST_BRANCH, "assignedOn", today.toString(), "deadline", today.plusMonths(1).toString()));
        assertThat(task.status()).as(task.raw().body()).isEqualTo(201);
        String taskPath = org + "/tasks/" + task.body().get("id").asString();
        assertThat(call("POST", taskPath + "/progress", secretary, Map.of("date", today.toString(), "percent", 100, "report", "已印发")).status())
                .isEqualTo(200);
        Answer accepted = call("POST", taskPath + "/review", staff, Map.of("date", today.toString(), "accepted", true, "opinion", "同意验收"));
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        audited(taskPath + "?minSequence=" + accepted.body().get("sequence").asLong(), staff);
        JsonNode board = audited(org + "/plans/" + planId, staff);
        JsonNode item = null;
        for (JsonNode section : board.get("sections")) {
            for (JsonNode candidate : section.get("items")) {
                item = candidate.get("position").asInt() == 9 ? candidate : item;
            }
        }
        assertThat(item.get("no").asString()).as("the second item numbered 8, as written").isEqualTo("8");
        assertThat(item.get("tasks").findValuesAsString("title")).contains("系统测试：细化责任清单");

        // the audit service: the assessment is a subject, its timeline every score, the conclusion and the correction with actor and reason
        JsonNode subjects = audited("/api/audit/subjects?kind=branch-standardisation&unitId=" + FIRST_BRANCH + "&size=100", auditor);
        assertThat(subjects.get("items").findValuesAsString("aggregateId")).contains(assessmentId);
        JsonNode entries = null;
        for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < until; Thread.sleep(300)) {
            entries = audited("/api/audit/timelines/organisation/" + assessmentId, auditor).at("/entries/items");
            if (entries.size() == 8) {
                break;
            }
        }
        List<String> seen = new java.util.ArrayList<>();
        entries.forEach(entry -> seen.add(entry.get("type").asString().replaceFirst("^org\\.dangjian\\.organisation\\.", "") + " "
                + entry.at("/actor/id").asString()));
        assertThat(seen).containsExactly("UnitAssessmentOpened.v1 dangwei", "UnitAssessmentScored.v1 dangwei", "UnitAssessmentScored.v1 dangwei",
                "UnitAssessmentScored.v1 dangwei", "UnitAssessmentScored.v1 dangwei", "UnitAssessmentScored.v1 dangwei",
                "UnitAssessmentConcluded.v1 dangwei", "UnitAssessmentCorrected.v1 dangwei");
        assertThat(entries.get(7).get("reason").asString()).isEqualTo("复核发现组织生活会未按期召开");
        assertThat(entries.get(6).get("reason").asString()).isEqualTo("优秀");
    }

    /**
     * Another department end to end through the gateway, as a program with client credentials (renshi-department): it
     * asks for the organisation's units and the members' applications with names only; a discipline case's type is
     * refused; committee staff grant it; its stream through the gateway receives what staff and the secretary record
     * from then on, the ID-card number left out; it disconnects and resumes from Last-Event-ID without loss or repeat;
     * the auditor reads every delivery.
     */
    @Test
    void theRenshiDepartmentSubscribesThroughTheGatewayAndReceivesWhatItIsGrantedByServerSentEvents() throws Exception {
        String department = DemoLogin.clientCredentialsToken(URI.create(platform.issuer()), "renshi-department", "renshi-secret");
        String staff = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", "dangjian");
        String secretary = DemoLogin.accessToken(URI.create(platform.issuer()), "shuji", "dangjian");
        String auditor = DemoLogin.accessToken(URI.create(platform.issuer()), "shenji", "dangjian");
        String established = "org.dangjian.organisation.OrganisationUnitEstablished.v1";
        String applied = "org.dangjian.members.MembershipApplicationReceived.v1";

        Answer restricted = call("POST", "/api/subscriptions/subscriptions", department, Map.of("eventTypes", List.of("org.dangjian.discipline.CaseOpened.v1"),
                "channel", "SSE", "purpose", "案件"));
        assertThat(restricted.status()).isEqualTo(403);
        assertThat(restricted.body().get("code").asString()).isEqualTo("RESTRICTED_EVENT_TYPE");
        Answer asked = call("POST", "/api/subscriptions/subscriptions", department, Map.of("eventTypes", List.of(established, applied),
                "personalData", List.of("NAME", "ID_CARD_NUMBER"), "channel", "SSE", "purpose", "干部人事档案"));
        assertThat(asked.status()).as(asked.raw().body()).isEqualTo(201);
        String id = asked.body().get("id").asString();
        assertThat(call("POST", "/api/subscriptions/subscriptions/" + id + "/grant", department, Map.of("eventTypes", List.of(established),
                "personalData", List.of(), "deliverHistory", false, "reason", "x")).status()).isEqualTo(403);
        Answer grant = call("POST", "/api/subscriptions/subscriptions/" + id + "/grant", staff, Map.of("eventTypes", List.of(established, applied),
                "personalData", List.of("NAME"), "deliverHistory", false, "reason", "经党委会研究同意，不含身份证号"));
        assertThat(grant.status()).as(grant.raw().body()).isEqualTo(200);
        Answer shown = call("GET", "/api/subscriptions/subscriptions/" + id + "?minSequence=" + grant.body().get("sequence").asLong(), department, null);
        assertThat(shown.body().get("state").asString()).isEqualTo("GRANTED");
        assertThat(shown.body().get("departmentName").asString()).isEqualTo("人事部门");

        URI events = URI.create(platform.gatewayUrl() + "/api/subscriptions/subscriptions/" + id + "/events");
        Answer unit = call("POST", "/api/organisation/units", staff, Map.of("kind", "BRANCH", "name", "数据共享测试支部", "parentId", COMMITTEE,
                "reason", "党委会议决定设立"));
        assertThat(unit.status()).isEqualTo(201);
        Answer application = call("POST", "/api/members/members", secretary, Map.of("name", "郑雨桐", "gender", "FEMALE", "birthDate", "1996-03-08",
                "idCardNumber", "110105199603080024", "branchId", FIRST_BRANCH, "applicationDate", "2024-02-01", "basis", "入党申请书"));
        assertThat(application.status()).as(application.raw().body()).isEqualTo(201);
        String first;
        try (SseClient stream = new SseClient(events, department, null)) {
            assertThat(stream.status()).as(String.valueOf(stream.body())).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            Map<String, JsonNode> received = new java.util.HashMap<>();
            List<SseClient.Event> taken = stream.take(2, Duration.ofSeconds(30));
            for (SseClient.Event event : taken) {
                JsonNode cloudEvent = JSON.readTree(event.data());
                received.put(cloudEvent.get("subject").asString(), cloudEvent);
            }
            first = taken.get(1).id();
            assertThat(received.get(unit.body().get("id").asString()).at("/data/name").asString()).isEqualTo("数据共享测试支部");
            JsonNode member = received.get(application.body().get("id").asString());
            assertThat(member.get("type").asString()).isEqualTo(applied);
            assertThat(member.at("/data/name").asString()).isEqualTo("郑雨桐");
            assertThat(member.get("data").has("idCardNumber")).isFalse();
            assertThat(member.get("dangjianmasked").asString()).contains("idCardNumber");
            assertThat(member.get("actorid").asString()).isEqualTo("shuji");
            assertThat(member.get("hash").asString()).matches("[0-9a-f]{64}");
        }
        Answer later = call("POST", "/api/organisation/units", staff, Map.of("kind", "BRANCH", "name", "数据共享续传支部", "parentId", COMMITTEE,
                "reason", "党委会议决定设立"));
        try (SseClient stream = new SseClient(events, department, first)) {
            SseClient.Event next = stream.next(Duration.ofSeconds(30));
            assertThat(next).isNotNull();
            assertThat(JSON.readTree(next.data()).get("subject").asString()).isEqualTo(later.body().get("id").asString());
            assertThat(stream.next(Duration.ofSeconds(2))).as("nothing twice").isNull();
        }
        Answer log = call("GET", "/api/subscriptions/deliveries?subscriptionId=" + id, auditor, null);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().get("total").asLong()).isEqualTo(3);
        assertThat(call("GET", "/api/subscriptions/subscriptions/" + id + "/timeline", auditor, null).body().get("entries")).hasSize(2);
        // the audit service witnessed the request and the grant: the subscription is a subject of the audit with its timeline
        JsonNode entries = null;
        for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < until; Thread.sleep(300)) {
            entries = audited("/api/audit/timelines/subscriptions/" + id, auditor).at("/entries/items");
            if (entries.size() == 2) {
                break;
            }
        }
        List<String> witnessed = new java.util.ArrayList<>();
        entries.forEach(entry -> witnessed.add(entry.get("type").asString() + " " + entry.at("/actor/id").asString()));
        assertThat(witnessed).containsExactly("org.dangjian.subscriptions.SubscriptionRequested.v1 renshi-department",
                "org.dangjian.subscriptions.SubscriptionGranted.v1 dangwei");
        assertThat(entries.get(1).get("reason").asString()).isEqualTo("经党委会研究同意，不含身份证号");
        assertThat(audited("/api/audit/subjects?kind=subscription&size=100", auditor).get("items").findValuesAsString("aggregateId")).contains(id);
    }

    @Test
    void theOrganisationServicesOpenApiDocumentIsServedThroughTheGateway() throws Exception {
        Answer openApi = call("GET", "/api/organisation/v3/api-docs", null, null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().at("/paths").has("/units")).isTrue();
        assertThat(openApi.body().at("/servers/0/url").asString()).endsWith("/api/organisation");
    }
}
