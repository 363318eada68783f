package org.dangjian.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.Attendance;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.contracts.activities.VolunteerServiceKind;
import org.dangjian.contracts.activities.VolunteerServiceRecorded;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.contracts.discipline.SanctionEnded;
import org.dangjian.contracts.discipline.SanctionTookEffect;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.config.PlatformProperties;
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
 * The members service on the real (embedded) infrastructure, over HTTP with access tokens: the whole way from an
 * application to full membership with its timeline, transfers between branches (also racing ones), and who reads
 * what (data scope, masked personal data). Each test works in branches of its own, so lists and boards hold only its
 * members; the branches are published on the organisation service's topic as that service would ({@link ForeignEvents}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class MembersServiceTest {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", COMMITTEE);
    static final String AUDITOR = TestTokens.forUser("shenji", "AUDITOR", COMMITTEE);
    static final String INSPECTOR = TestTokens.forUser("jijian", "DISCIPLINE_INSPECTOR", COMMITTEE);

    static ForeignEvents organisation;
    static ForeignEvents activities;
    static ForeignEvents discipline;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationUnitsReadModel branches;
    @Autowired
    PlatformProperties properties;

    JsonApi api;
    String branch;
    String otherBranch;
    String secretary;
    String otherSecretary;

    @BeforeEach
    void setUp() {
        api = new JsonApi("http://localhost:" + port);
        if (organisation == null) {
            organisation = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("organisation"),
                    "organisation", "OrganisationUnit");
        }
        if (activities == null) {
            activities = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("activities"),
                    "activities", "Activity");
        }
        if (discipline == null) {
            discipline = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("discipline"),
                    "discipline", "Sanction");
        }
        branch = established(OrganisationUnitKind.BRANCH, "第一党支部");
        otherBranch = established(OrganisationUnitKind.BRANCH, "第二党支部");
        secretary = TestTokens.forUser("shuji", "BRANCH_SECRETARY", branch);
        otherSecretary = TestTokens.forUser("shuji2", "BRANCH_SECRETARY", otherBranch);
    }

    @AfterAll
    static void closeProducer() {
        if (organisation != null) {
            organisation.close();
            organisation = null;
        }
        if (activities != null) {
            activities.close();
            activities = null;
        }
        if (discipline != null) {
            discipline.close();
            discipline = null;
        }
    }

    /** A unit established by the organisation service (its event on its topic), once the members service knows it. */
    private String established(OrganisationUnitKind kind, String name) {
        String id = UUID.randomUUID().toString();
        organisation.publish(id, new OrganisationUnitEstablished(id, kind, null, name, COMMITTEE, null));
        Eventually.that(() -> assertThat(branches.unit(id)).isPresent());
        return id;
    }

    private Map<String, Object> application(String name, String username) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "gender", "FEMALE", "birthDate", "1995-06-14",
                "idCardNumber", "110105199506140021", "phone", "13800135678", "address", "北京市朝阳区示例路 1 号", "branchId", branch,
                "applicationDate", "2023-01-05", "basis", "入党申请书"));
        if (username != null) {
            body.put("username", username);
        }
        return body;
    }

    private JsonApi.Response ok(JsonApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer;
    }

    private String applied(String name, String username) {
        return ok(api.post("/members", STAFF, application(name, username), Map.of()), 201).body().get("id").asString();
    }

    @Test
    void aMemberGoesFromApplicationToFullMembershipAndTheTimelineShowsEveryStepWithItsActorAndBasis() {
        JsonApi.Response created = ok(api.post("/members", secretary, application("林晓雯", null), Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/members/" + id);
        assertThat(created.body().get("sequence").asLong()).isZero();

        ok(api.post("/members/" + id + "/activist", secretary, Map.of("date", "2023-02-01", "basis", "支部委员会会议纪要 2023-02"), Map.of()), 200);
        ok(api.post("/members/" + id + "/development-object", secretary, Map.of("date", "2023-08-01", "basis", "培养考察合格"), Map.of()), 200);
        ok(api.post("/members/" + id + "/political-review", secretary, Map.of("date", "2023-09-01", "conclusion", "PASSED", "basis", "政审报告"),
                Map.of()), 200);
        Map<String, Object> admission = Map.of("branchMeetingDate", "2023-10-10", "committeeApprovalDate", "2023-10-20", "basis", "支部党员大会决议");
        assertThat(api.post("/members/" + id + "/admission", secretary, admission, Map.of()).code()).as("the committee approves admissions")
                .isEqualTo("FORBIDDEN");
        ok(api.post("/members/" + id + "/admission", STAFF, admission, Map.of()), 200);
        assertThat(api.post("/members/" + id + "/full-membership", STAFF, Map.of("branchMeetingDate", "2024-10-09", "committeeApprovalDate",
                "2024-10-20"), Map.of()).code()).as("a day before the probation ends").isEqualTo("PROBATION_NOT_ENDED");
        JsonApi.Response full = ok(api.post("/members/" + id + "/full-membership", STAFF, Map.of("branchMeetingDate", "2024-10-10",
                "committeeApprovalDate", "2024-10-20", "basis", "转正决议"), Map.of()), 200);
        assertThat(full.body().get("sequence").asLong()).isEqualTo(5);

        JsonNode file = ok(api.get("/members/" + id + "?minSequence=5", STAFF), 200).body();
        assertThat(file.get("stage").asString()).isEqualTo("FULL_MEMBER");
        assertThat(file.get("stageSince").asString()).isEqualTo("2024-10-20");
        assertThat(file.get("probationEndsOn").asString()).isEqualTo("2024-10-10");
        assertThat(file.get("nextStep").isNull()).isTrue();
        assertThat(file.get("idCardNumber").asString()).isEqualTo("110105199506140021");
        assertThat(file.get("personalDataMasked").asBoolean()).isFalse();
        assertThat(file.get("steps").findValuesAsString("step"))
                .containsExactly("APPLICATION", "ACTIVIST", "DEVELOPMENT_OBJECT", "POLITICAL_REVIEW", "ADMISSION", "FULL_MEMBERSHIP");
        assertThat(file.get("steps").get(4).get("branchMeetingDate").asString()).isEqualTo("2023-10-10");

        JsonNode entries = ok(api.get("/members/" + id + "/timeline?minSequence=5", STAFF), 200).body().get("entries");
        assertThat(entries).hasSize(6);
        assertThat(entries.findValuesAsString("type")).containsExactly(
                "org.dangjian.members.MembershipApplicationReceived.v1", "org.dangjian.members.MemberDesignatedActivist.v1",
                "org.dangjian.members.MemberDesignatedDevelopmentObject.v1", "org.dangjian.members.MemberPoliticalReviewConcluded.v1",
                "org.dangjian.members.MemberAdmittedAsProbationary.v1", "org.dangjian.members.MemberConfirmedAsFullMember.v1");
        List<String> actors = new java.util.ArrayList<>();
        List<String> roles = new java.util.ArrayList<>();
        List<String> bases = new java.util.ArrayList<>();
        for (JsonNode entry : entries) {
            actors.add(entry.at("/actor/id").asString());
            roles.add(entry.at("/actor/role").asString());
            bases.add(entry.at("/data/basis").asString());
            assertThat(entry.get("hash").asString()).matches("[0-9a-f]{64}");
        }
        assertThat(actors).containsExactly("shuji", "shuji", "shuji", "shuji", "dangwei", "dangwei");
        assertThat(roles).containsExactly("BRANCH_SECRETARY", "BRANCH_SECRETARY", "BRANCH_SECRETARY", "BRANCH_SECRETARY", "COMMITTEE_STAFF",
                "COMMITTEE_STAFF");
        assertThat(bases).containsExactly("入党申请书", "支部委员会会议纪要 2023-02", "培养考察合格", "政审报告", "支部党员大会决议", "转正决议");
        assertThat(entries.get(1).at("/actor/organisation").asString()).isEqualTo(branch);
        assertThat(entries.get(1).get("occurredAt").asString()).as("the activist date, 00:00 in Beijing").isEqualTo("2023-01-31T16:00:00Z");
        assertThat(entries.get(1).at("/data/decidingBody").asString()).isEqualTo("BRANCH_COMMITTEE");
        assertThat(entries.get(4).at("/data/probationEndsOn").asString()).isEqualTo("2024-10-10");

        JsonNode verification = ok(api.get("/members/" + id + "/verification", AUDITOR), 200).body();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsChecked").asLong()).isEqualTo(6);
    }

    @Test
    void aSecretaryOfAnotherBranchFindsNoneOfTheBranchsMembersToReadOrChange() {
        String id = applied("周建国", null);
        api.get("/members/" + id + "?minSequence=0", STAFF);

        assertThat(api.get("/members/" + id, otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members/" + id + "?minSequence=0", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members/" + id + "?minSequence=7", otherSecretary).code()).as("not even that it exists").isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members/" + id + "/timeline", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members/" + id + "/verification", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        JsonApi.Response command = api.post("/members/" + id + "/activist", otherSecretary, Map.of("date", "2023-02-01"), Map.of());
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.post("/members", otherSecretary, application("王芳", null), Map.of()).code()).isEqualTo("BRANCH_NOT_FOUND");
        assertThat(api.get("/members?branch=" + branch, otherSecretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/pipeline?branch=" + branch, otherSecretary).body().get("total").asLong()).isZero();
        // waiting for another branch's member tells nothing either
        assertThat(api.get("/members?member=" + id + "&minSequence=0", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/pipeline?member=" + id + "&minSequence=0", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");

        assertThat(api.get("/members/" + id, secretary).status()).isEqualTo(200);
        assertThat(api.get("/members?branch=" + branch, secretary).body().get("total").asLong()).isEqualTo(1);
        ok(api.post("/members/" + id + "/activist", secretary, Map.of("date", "2023-02-01"), Map.of()), 200);
    }

    @Test
    void personalDataIsMaskedForAuditorsInspectorsAndOtherMembersAndShownToStaffTheBranchSecretaryAndTheMember() {
        String id = applied("陈雨桐", "chenyutong");
        api.get("/members/" + id + "?minSequence=0", STAFF);
        String himself = TestTokens.forUser("chenyutong", "PARTY_MEMBER", branch);
        String anotherMember = TestTokens.forUser("someoneelse", "PARTY_MEMBER", branch);

        for (String token : List.of(STAFF, secretary, himself)) {
            JsonNode file = ok(api.get("/members/" + id, token), 200).body();
            assertThat(file.get("idCardNumber").asString()).isEqualTo("110105199506140021");
            assertThat(file.get("phone").asString()).isEqualTo("13800135678");
            assertThat(file.get("personalDataMasked").asBoolean()).isFalse();
        }
        for (String token : List.of(AUDITOR, INSPECTOR)) {
            JsonNode file = ok(api.get("/members/" + id, token), 200).body();
            assertThat(file.get("idCardNumber").asString()).isEqualTo("**************0021");
            assertThat(file.get("phone").asString()).isEqualTo("138****5678");
            assertThat(file.get("address").asString()).isEqualTo("北京市****");
            assertThat(file.get("personalDataMasked").asBoolean()).isTrue();
            JsonNode application = ok(api.get("/members/" + id + "/timeline", token), 200).body().get("entries").get(0).get("data");
            assertThat(application.get("idCardNumber").asString()).isEqualTo("**************0021");
            assertThat(application.get("phone").asString()).isEqualTo("138****5678");
            assertThat(application.get("address").asString()).isEqualTo("北京市****");
            assertThat(application.toString()).doesNotContain("110105199506140021").doesNotContain("13800135678").doesNotContain("朝阳区");
        }
        assertThat(ok(api.get("/members/" + id + "/timeline", secretary), 200).body().at("/entries/0/data/idCardNumber").asString())
                .isEqualTo("110105199506140021");

        assertThat(api.get("/members/" + id, anotherMember).code()).as("a party member reads his own file only").isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members/" + id + "/timeline", anotherMember).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members/" + id + "/verification", anotherMember).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/members", anotherMember).body().get("total").asLong()).isZero();
        JsonNode own = api.get("/members", himself).body();
        assertThat(own.get("total").asLong()).isEqualTo(1);
        assertThat(own.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(own.at("/items/0").has("idCardNumber")).as("lists carry no personal data").isFalse();
        assertThat(api.get("/pipeline", himself).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theListAndTheBoardShowEachStageAndWhoIsDueNextWhen() {
        String applicant = applied("甲申请人", null);
        String activist = applied("乙积极分子", null);
        JsonApi.Response designated = ok(api.post("/members/" + activist + "/activist", STAFF, Map.of("date", "2026-01-15"), Map.of()), 200);

        JsonNode page = ok(api.get("/members?branch=" + branch + "&stage=ACTIVIST&member=" + activist + "&minSequence="
                + designated.body().get("sequence").asLong(), STAFF), 200).body();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.at("/items/0/nextStep").asString()).isEqualTo("DEVELOPMENT_OBJECT");
        assertThat(page.at("/items/0/nextStepDueOn").asString()).as("six months after the activist date").isEqualTo("2026-07-15");
        assertThat(api.get("/members?branch=" + branch + "&q=" + java.net.URLEncoder.encode("甲", java.nio.charset.StandardCharsets.UTF_8), STAFF)
                .body().at("/items/0/id").asString()).isEqualTo(applicant);
        assertThat(api.get("/members?stage=activist", STAFF).code()).isEqualTo("INVALID_PARAMETER");

        JsonNode board = ok(api.get("/pipeline?branch=" + branch + "&member=" + activist + "&minSequence=1", secretary), 200).body();
        assertThat(board.get("total").asLong()).isEqualTo(2);
        assertThat(board.at("/stages/APPLICANT").asLong()).isEqualTo(1);
        assertThat(board.at("/stages/ACTIVIST").asLong()).isEqualTo(1);
        assertThat(board.at("/stages/FULL_MEMBER").asLong()).isZero();
        assertThat(board.get("dueTotal").asLong()).isEqualTo(2);
        assertThat(board.at("/due/0/id").asString()).as("the applicant, due since his application").isEqualTo(applicant);
        assertThat(board.at("/due/1/nextStepDueOn").asString()).isEqualTo("2026-07-15");
        assertThat(board.at("/due/1/ready").asBoolean()).isTrue();
    }

    @Test
    void aMemberIsTransferredToAnotherBranchWhichReceivesHimAndTheSenderConfirmsTheReceipt() {
        String id = applied("郑海涛", null);
        JsonApi.Response out = ok(api.post("/members/" + id + "/transfers", secretary, Map.of("toBranchId", otherBranch, "date", "2023-03-01",
                "basis", "介绍信 2023-017"), Map.of()), 200);
        assertThat(out.body().get("sequence").asLong()).isEqualTo(1);

        JsonNode incoming = ok(api.get("/transfers?branch=" + otherBranch + "&member=" + id + "&minSequence=1", otherSecretary), 200).body();
        assertThat(incoming.get("total").asLong()).isEqualTo(1);
        assertThat(incoming.at("/items/0/transfer/state").asString()).isEqualTo("IN_TRANSIT");
        assertThat(incoming.at("/items/0/branchId").asString()).as("still in the sending branch while in transit").isEqualTo(branch);
        assertThat(ok(api.get("/members/" + id, otherSecretary), 200).body().get("personalDataMasked").asBoolean())
                .as("the receiving secretary reads whom he receives").isFalse();
        assertThat(api.post("/members/" + id + "/activist", secretary, Map.of("date", "2023-03-02"), Map.of()).code())
                .as("the way pauses in transit").isEqualTo("TRANSFER_IN_PROGRESS");
        assertThat(api.post("/members/" + id + "/transfers/1/receipt", secretary, Map.of("date", "2023-03-08"), Map.of()).code())
                .isEqualTo("TRANSFER_NOT_YOURS");

        ok(api.post("/members/" + id + "/transfers/1/receipt", otherSecretary, Map.of("date", "2023-03-08"), Map.of()), 200);
        JsonNode file = ok(api.get("/members/" + id + "?minSequence=2", otherSecretary), 200).body();
        assertThat(file.get("branchId").asString()).isEqualTo(otherBranch);
        assertThat(file.at("/transfers/0/state").asString()).isEqualTo("RECEIVED");
        assertThat(api.get("/members?branch=" + otherBranch + "&member=" + id + "&minSequence=2", otherSecretary).body().get("total").asLong())
                .isEqualTo(1);
        assertThat(api.get("/members?branch=" + branch, secretary).body().get("total").asLong()).as("no longer on the sender's roster").isZero();
        ok(api.post("/members/" + id + "/activist", otherSecretary, Map.of("date", "2023-03-09"), Map.of()), 200);

        ok(api.post("/members/" + id + "/transfers/1/confirmation", secretary, Map.of("date", "2023-03-20", "basis", "回执"), Map.of()), 200);
        assertThat(api.get("/members/" + id + "?minSequence=4", secretary).code()).as("the sender reads him no more").isEqualTo("MEMBER_NOT_FOUND");
        JsonNode closed = ok(api.get("/members/" + id + "?minSequence=4", STAFF), 200).body();
        assertThat(closed.at("/transfers/0/state").asString()).isEqualTo("CONFIRMED");
        assertThat(closed.at("/transfers/0/confirmedOn").asString()).isEqualTo("2023-03-20");
        assertThat(closed.at("/transfers/0/basis").asString()).isEqualTo("介绍信 2023-017");
        assertThat(api.get("/transfers?branch=" + otherBranch, STAFF).body().get("total").asLong()).isZero();
        assertThat(ok(api.get("/members/" + id + "/timeline", STAFF), 200).body().get("entries").findValuesAsString("type")).containsExactly(
                "org.dangjian.members.MembershipApplicationReceived.v1", "org.dangjian.members.MemberTransferInitiated.v1",
                "org.dangjian.members.MemberTransferReceived.v1", "org.dangjian.members.MemberDesignatedActivist.v1",
                "org.dangjian.members.MemberTransferConfirmed.v1");
    }

    @Test
    void twoTransfersOfOneMemberThatRaceLeaveHimInTransitToExactlyOneBranch() throws Exception {
        String third = established(OrganisationUnitKind.BRANCH, "第三党支部");
        for (int round = 0; round < 5; round++) {
            String id = applied("冯" + round, null);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<JsonApi.Response>> answers = new java.util.ArrayList<>();
                for (String to : List.of(otherBranch, third)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.post("/members/" + id + "/transfers", STAFF, Map.of("toBranchId", to, "date", "2023-03-01"), Map.of());
                    }));
                }
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var answer : answers) {
                    JsonApi.Response response = answer.get();
                    statuses.add(response.status());
                    if (response.status() == 409) {
                        assertThat(response.code()).isEqualTo("TRANSFER_IN_PROGRESS");
                    }
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdown();
            }
            JsonNode file = ok(api.get("/members/" + id + "?minSequence=1", STAFF), 200).body();
            assertThat(file.get("transfers")).hasSize(1);
            assertThat(file.get("branchId").asString()).isEqualTo(branch);
            assertThat(file.get("sequence").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aLoginNameIsLinkedToOneRecordAtMostAndItsPersonReadsThatRecordAsHisOwn() {
        String login = "m" + UUID.randomUUID().toString().substring(0, 8);
        String first = applied("甲晓", login);
        assertThat(api.post("/members", STAFF, application("乙晓", login.toUpperCase(java.util.Locale.ROOT)), Map.of()).code())
                .as("the same name in another case is the same name").isEqualTo("USERNAME_TAKEN");
        String second = applied("乙晓", null);
        assertThat(api.post("/members/" + second + "/account", STAFF, Map.of("username", login), Map.of()).code()).isEqualTo("USERNAME_TAKEN");
        assertThat(api.post("/members/" + second + "/account", secretary, Map.of("username", "x" + login), Map.of()).status())
                .as("committee staff link accounts").isEqualTo(403);
        String person = TestTokens.forUser(login, "PARTY_MEMBER", branch);
        assertThat(ok(api.get("/members/" + first + "?minSequence=0", person), 200).body().get("personalDataMasked").asBoolean()).isFalse();
        assertThat(api.get("/members/" + second + "?minSequence=0", person).code()).isEqualTo("MEMBER_NOT_FOUND");

        long unlinked = ok(api.post("/members/" + first + "/account/unlink", STAFF, Map.of("reason", "关联有误"), Map.of()), 200).body()
                .get("sequence").asLong();
        long linked = ok(api.post("/members/" + second + "/account", STAFF, Map.of("username", login, "basis", "本人申请，核对身份证件"), Map.of()), 200)
                .body().get("sequence").asLong();
        ok(api.get("/members/" + first + "?minSequence=" + unlinked, STAFF), 200);
        assertThat(ok(api.get("/members/" + second + "?minSequence=" + linked, person), 200).body().get("username").asString()).isEqualTo(login);
        assertThat(api.get("/members/" + first, person).code()).isEqualTo("MEMBER_NOT_FOUND");
        JsonNode last = ok(api.get("/members/" + second + "/timeline?minSequence=" + linked, STAFF), 200).body().get("entries").get((int) linked);
        assertThat(last.get("type").asString()).isEqualTo("org.dangjian.members.MemberAccountLinked.v1");
        assertThat(last.at("/actor/id").asString()).isEqualTo("dangwei");
        assertThat(last.at("/data/basis").asString()).isEqualTo("本人申请，核对身份证件");
    }

    @Test
    void twoRecordsLinkedToOneNewNameAtTheSameMomentLeaveItLinkedToOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            String login = "race" + round + UUID.randomUUID().toString().substring(0, 6);
            List<String> records = List.of(applied("竞" + round, null), applied("争" + round, null));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<Integer> statuses = new java.util.ArrayList<>();
            try {
                List<java.util.concurrent.Future<JsonApi.Response>> answers = new java.util.ArrayList<>();
                for (String record : records) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.post("/members/" + record + "/account", STAFF, Map.of("username", login), Map.of());
                    }));
                }
                for (var answer : answers) {
                    JsonApi.Response response = answer.get();
                    statuses.add(response.status());
                    if (response.status() == 409) {
                        assertThat(response.code()).isIn("USERNAME_TAKEN", "ALREADY_EXISTS");
                    }
                }
            } finally {
                pool.shutdown();
            }
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            String person = TestTokens.forUser(login, "PARTY_MEMBER", branch);
            Eventually.that(() -> assertThat(api.get("/members?size=10", person).body().get("total").asLong()).isEqualTo(1));
        }
    }

    @Test
    void aMembersBranchMustBeABranchTheOrganisationServicePublishedAndNotDissolved() {
        Map<String, Object> body = new HashMap<>(application("卫东", null));
        body.put("branchId", UUID.randomUUID().toString());
        assertThat(api.post("/members", STAFF, body, Map.of()).code()).isEqualTo("BRANCH_UNKNOWN");
        String committee = established(OrganisationUnitKind.COMMITTEE, "机关党委");
        body.put("branchId", committee);
        JsonApi.Response notBranch = api.post("/members", STAFF, body, Map.of());
        assertThat(notBranch.status()).isEqualTo(409);
        assertThat(notBranch.code()).isEqualTo("NOT_A_BRANCH");
        assertThat(notBranch.body().get("detail").asString()).contains("机关党委").contains("党委");

        String id = applied("卫东", null);
        organisation.publish(otherBranch, new OrganisationUnitDissolved(otherBranch, "并入第一党支部"));
        Eventually.that(() -> assertThat(branches.unit(otherBranch).orElseThrow().dissolved()).isTrue());
        assertThat(api.post("/members/" + id + "/transfers", STAFF, Map.of("toBranchId", otherBranch, "date", "2023-03-01"), Map.of()).code())
                .isEqualTo("BRANCH_DISSOLVED");
        assertThat(api.post("/members/" + id + "/transfers", STAFF, Map.of("toBranchId", otherBranch, "toOrganisation", "某局机关党委",
                "date", "2023-03-01"), Map.of()).code()).isEqualTo("BRANCH_DISSOLVED");
        assertThat(api.post("/members/" + id + "/transfers", STAFF, Map.of("toBranchId", branch, "date", "2023-03-01"), Map.of()).code())
                .isEqualTo("TRANSFER_TO_OWN_BRANCH");
        assertThat(api.post("/members/" + id + "/transfers", STAFF, Map.of("date", "2023-03-01"), Map.of()).code())
                .isEqualTo("TRANSFER_DESTINATION_REQUIRED");
    }

    @Test
    void aMemberTransferredOutOfThePlatformLeavesTheRosterAndHisRecordStaysReadOnly() {
        String id = applied("褚晓光", null);
        ok(api.post("/members/" + id + "/transfers", secretary, Map.of("toOrganisation", "某区税务局机关党委", "date", "2023-04-01"), Map.of()), 200);
        assertThat(api.post("/members/" + id + "/transfers/1/receipt", STAFF, Map.of("date", "2023-04-02"), Map.of()).code())
                .isEqualTo("TRANSFER_OUT_OF_PLATFORM");
        ok(api.post("/members/" + id + "/transfers/1/confirmation", secretary, Map.of("date", "2023-04-20"), Map.of()), 200);
        JsonNode file = ok(api.get("/members/" + id + "?minSequence=2", STAFF), 200).body();
        assertThat(file.get("leftPlatform").asBoolean()).isTrue();
        assertThat(file.get("branchId").isNull()).isTrue();
        assertThat(file.at("/transfers/0/toOrganisation").asString()).isEqualTo("某区税务局机关党委");
        assertThat(api.get("/members?branch=" + branch, secretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/pipeline?branch=" + branch, STAFF).body().get("total").asLong()).isZero();
        assertThat(api.post("/members/" + id + "/activist", STAFF, Map.of("date", "2023-05-01"), Map.of()).code()).isEqualTo("MEMBER_TRANSFERRED_OUT");
    }

    @Test
    void aCorrectedAttendanceChangesThePointsByTheDifferenceOnceAndKeepsTheEarlierEntry() {
        String id = applied("孔令辉", null);
        String activity = UUID.randomUUID().toString();
        java.time.LocalDate day = java.time.LocalDate.of(2026, 4, 9);
        activities.publish(activity, new AttendanceRecorded(activity, ActivityKind.PARTY_LESSON, branch, id, Attendance.ABSENT, day, null));
        org.dangjian.runtime.eventstore.StoredEvent corrected = activities.publish(activity, new org.dangjian.contracts.activities.AttendanceCorrected(
                activity, ActivityKind.PARTY_LESSON, branch, id, Attendance.ABSENT, Attendance.ON_LEAVE, day, "病假", "补交请假条"));
        activities.republish(corrected);
        // a correction between two rules worth the same sends nothing and holds nothing back
        activities.publish(activity, new org.dangjian.contracts.activities.AttendanceCorrected(activity, ActivityKind.PARTY_LESSON, branch, id,
                Attendance.ON_LEAVE, Attendance.ON_LEAVE, day, "事假", "请假原因更正"));
        activities.publish(activity, new org.dangjian.contracts.activities.AttendanceCorrected(activity, ActivityKind.PARTY_LESSON, branch, id,
                Attendance.ON_LEAVE, Attendance.PRESENT, day, null, "登记有误，本人实际出席"));

        Eventually.that(() -> assertThat(ok(api.get("/members/" + id + "/points?year=2026", STAFF), 200).body().get("entries")).hasSize(3));
        JsonNode points = api.get("/members/" + id + "/points?year=2026", STAFF).body();
        assertThat(points.get("balance").asInt()).as("-3 absent, +3 absent → on leave, +2 on leave → present").isEqualTo(2);
        List<Integer> entries = new java.util.ArrayList<>();
        points.get("entries").forEach(entry -> entries.add(entry.get("points").asInt()));
        assertThat(entries).containsExactlyInAnyOrder(-3, 3, 2);
        assertThat(points.findValuesAsString("sourceEventId")).contains(corrected.eventId());
        assertThat(points.findValuesAsString("reason")).anyMatch(reason -> reason.startsWith("出勤更正：无故缺席 → 请假") && reason.endsWith("（补交请假条）"));
    }

    @Test
    void attendanceAndVolunteerHoursPublishedByActivitiesBecomePointsOnceEvenWhenDeliveredTwice() {
        String id = applied("钱佳琪", null);
        String activity = UUID.randomUUID().toString();
        org.dangjian.runtime.eventstore.StoredEvent present = activities.publish(activity, new AttendanceRecorded(activity, ActivityKind.PARTY_LESSON,
                branch, id, Attendance.PRESENT, java.time.LocalDate.of(2026, 3, 5), null));
        activities.republish(present);
        String lesson = UUID.randomUUID().toString();
        activities.publish(lesson, new AttendanceRecorded(lesson, ActivityKind.BRANCH_GENERAL_MEETING, branch, id, Attendance.ABSENT,
                java.time.LocalDate.of(2026, 4, 5), null));
        activities.publish(lesson, new AttendanceRecorded(lesson, ActivityKind.THEME_PARTY_DAY, branch, id, Attendance.ON_LEAVE,
                java.time.LocalDate.of(2026, 5, 5), "出差"));
        // the activity's next event still earns: a leave (0 points, nothing recorded) does not hold the activity back
        activities.publish(lesson, new AttendanceRecorded(lesson, ActivityKind.PARTY_GROUP_MEETING, branch, id, Attendance.PRESENT,
                java.time.LocalDate.of(2026, 5, 6), null));
        String service = UUID.randomUUID().toString();
        activities.publish(service, new VolunteerServiceRecorded(service, VolunteerServiceKind.EXTENDED_HOURS, id, new java.math.BigDecimal("3.5"),
                java.time.LocalDate.of(2026, 6, 1)));
        activities.publish(UUID.randomUUID().toString(), new AttendanceRecorded(activity, ActivityKind.PARTY_LESSON, branch,
                UUID.randomUUID().toString(), Attendance.PRESENT, java.time.LocalDate.of(2026, 3, 5), null));

        Eventually.that(() -> assertThat(ok(api.get("/members/" + id + "/points?year=2026", STAFF), 200).body().get("entries")).hasSize(4));
        JsonNode points = api.get("/members/" + id + "/points?year=2026", secretary).body();
        assertThat(points.get("balance").asInt()).as("2 present, -3 absent, 0 on leave, 2 present, 3 for 3.5 hours").isEqualTo(4);
        assertThat(points.at("/entries/0/sourceEventId").asString()).isEqualTo(present.eventId());
        assertThat(points.at("/entries/0/sourceType").asString()).isEqualTo("org.dangjian.activities.AttendanceRecorded.v1");
        assertThat(points.at("/entries/0/title").asString()).isEqualTo("参加组织生活");
        assertThat(points.at("/entries/0/rulesVersion").asString()).isEqualTo("2022.1");
        JsonNode timeline = ok(api.get("/members/" + id + "/timeline", STAFF), 200).body().get("entries");
        JsonNode recorded = timeline.get(1);
        assertThat(recorded.get("type").asString()).isEqualTo("org.dangjian.members.MemberPointsRecorded.v1");
        assertThat(recorded.get("causationId").asString()).as("the entry names the event that caused it").isEqualTo(present.eventId());
        assertThat(recorded.at("/actor/id").asString()).isEqualTo("service:members");
        String operator = TestTokens.forUser("yunwei", "PLATFORM_OPERATOR", COMMITTEE);
        assertThat(ok(api.get("/actuator/readmodels/activity-points", operator), 200).body().get("parkedAggregates"))
                .as("a leave, a member the service does not know: nothing parked").isEmpty();

        JsonNode merit = ok(api.post("/members/" + id + "/points", secretary, Map.of("rule", "MERIT", "points", 20, "date", "2026-07-01",
                "reason", "带头完成窗口延时服务"), Map.of()), 200).body();
        assertThat(api.post("/members/" + id + "/points", secretary, Map.of("rule", "MERIT", "points", 21, "date", "2026-07-01",
                "reason", "x"), Map.of()).code()).isEqualTo("POINTS_OUT_OF_RANGE");
        JsonNode ranking = ok(api.get("/points/ranking?year=2026&branch=" + branch + "&member=" + id + "&minSequence="
                + merit.get("sequence").asLong(), secretary), 200).body();
        assertThat(ranking.at("/items/0/memberId").asString()).isEqualTo(id);
        assertThat(ranking.at("/items/0/balance").asInt()).isEqualTo(24);
        assertThat(ranking.at("/items/0/stars").asInt()).isEqualTo(1);
        assertThat(ranking.at("/items/0/topTen").asBoolean()).isTrue();
        assertThat(api.get("/points/ranking?year=2026&branch=" + branch, otherSecretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/members/" + id + "/points", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(ok(api.get("/points/rules", TestTokens.forUser("dangyuan", "PARTY_MEMBER", branch)), 200).body()
                .at("/versions/0/rules/MERIT/max").asInt()).isEqualTo(20);
    }

    /** A full member of the branch, through the whole way (dates in 2023 and 2024). */
    /**
     * Every endpoint of one member (and of his assessment), read or command, refused to the secretary of another branch
     * as if the member did not exist (404) or for his role (403), with a valid request each, so that the refusal is the
     * scope's and not the request's; nothing is recorded. The table covers every such path of the OpenAPI document: a
     * new endpoint without an entry here fails the test.
     */
    @Test
    void aSecretaryOfAnotherBranchIsRefusedEveryEndpointOfThisBranchsMemberAndRecordsNothing() {
        String id = fullMember("邓宏伟");
        ok(api.post("/members/" + id + "/cadre-assessments", STAFF, Map.of("year", 2025, "date", "2026-02-01"), Map.of()), 200);
        String assessment = ok(api.post("/assessments", STAFF, Map.of("memberId", id, "type", "COMPREHENSIVE", "period", "2025",
                "date", "2026-01-10"), Map.of()), 201).body().get("id").asString();
        long sequence = ok(api.post("/members/" + id + "/transfers", STAFF, Map.of("toOrganisation", "某区税务局机关党委", "date", "2026-03-01"),
                Map.of()), 200).body().get("sequence").asLong();
        String day = "2026-04-01";
        Map<String, Map<String, Object>> commands = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("/members/{id}/activist", Map.of("date", day)),
                Map.entry("/members/{id}/development-object", Map.of("date", day)),
                Map.entry("/members/{id}/political-review", Map.of("date", day, "conclusion", "PASSED")),
                Map.entry("/members/{id}/admission", Map.of("branchMeetingDate", day, "committeeApprovalDate", day)),
                Map.entry("/members/{id}/full-membership", Map.of("branchMeetingDate", day, "committeeApprovalDate", day)),
                Map.entry("/members/{id}/probation-extension", Map.of("date", day, "months", 6)),
                Map.entry("/members/{id}/probation-cancellation", Map.of("date", day)),
                Map.entry("/members/{id}/transfers", Map.of("toBranchId", otherBranch, "date", day)),
                Map.entry("/members/{id}/transfers/{transfer}/receipt", Map.of("date", day)),
                Map.entry("/members/{id}/transfers/{transfer}/confirmation", Map.of("date", day)),
                Map.entry("/members/{id}/transfers/{transfer}/cancellation", Map.of("cancellation", "WITHDRAWN", "date", day, "reason", "调动取消")),
                Map.entry("/members/{id}/points", Map.of("rule", "MERIT", "points", 5, "date", day, "reason", "表扬")),
                Map.entry("/members/{id}/dues/base", Map.of("fromMonth", "2026-01", "base", 6000, "rate", 0.01)),
                Map.entry("/members/{id}/dues/payments", Map.of("months", List.of("2026-01"), "paidOn", day)),
                Map.entry("/members/{id}/care", Map.of("kind", "SICK_VISIT", "reason", "SICK", "date", day, "visitors", "王建华")),
                Map.entry("/members/{id}/trainings", Map.of("course", "党务培训", "organiser", "区委组织部", "endedOn", day, "hours", 8)),
                Map.entry("/members/{id}/qualification", Map.of("date", day)),
                Map.entry("/members/{id}/account", Map.of("username", "shuji2")),
                Map.entry("/members/{id}/account/unlink", Map.of("reason", "关联有误")),
                Map.entry("/members/{id}/cadre-assessments", Map.of("year", 2024, "date", day)),
                Map.entry("/members/{id}/cadre-assessments/{assessment}/conclusion", Map.of("result", "GOOD", "date", day)),
                Map.entry("/assessments/{id}/scores", Map.of("scores", Map.of("POLITICS", 28, "DUTY", 27, "CONDUCT", 18, "MASSES", 16))),
                Map.entry("/assessments/{id}/conclusion", Map.of("date", day)),
                Map.entry("/assessments/{id}/correction", Map.of("result", "EXCELLENT", "date", day, "reason", "复核"))));
        List<String> reads = List.of("/members/{id}", "/members/{id}/timeline", "/members/{id}/verification", "/members/{id}/dues",
                "/members/{id}/points", "/assessments/{id}", "/assessments/{id}/timeline", "/assessments/{id}/verification");

        java.util.Set<String> documented = new java.util.TreeSet<>();
        ok(api.get("/v3/api-docs", STAFF), 200).body().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (path.getKey().contains("{id}")) {
                documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        java.util.Set<String> covered = new java.util.TreeSet<>();
        commands.keySet().forEach(path -> covered.add("POST " + path));
        reads.forEach(path -> covered.add("GET " + path));
        assertThat(covered).as("every endpoint of one member or assessment is in this test").isEqualTo(documented);

        java.util.function.Function<String, String> concrete = path -> path.replace("{transfer}", "1").replace("{assessment}", "1")
                .replace("{id}", path.startsWith("/assessments") ? assessment : id);
        for (String path : reads) {
            JsonApi.Response answer = api.get(concrete.apply(path), otherSecretary);
            assertThat(answer.status()).as("GET " + path).isEqualTo(404);
            assertThat(answer.code()).as("GET " + path).isIn("MEMBER_NOT_FOUND", "ASSESSMENT_NOT_FOUND");
        }
        commands.forEach((path, body) -> {
            JsonApi.Response answer = api.post(concrete.apply(path), otherSecretary, body, Map.of());
            assertThat(answer.status()).as("POST " + path + " " + answer.body()).isIn(403, 404);
            assertThat(answer.code()).as("POST " + path).isIn("MEMBER_NOT_FOUND", "ASSESSMENT_NOT_FOUND", "FORBIDDEN");
        });
        assertThat(ok(api.get("/members/" + id + "?minSequence=" + sequence, STAFF), 200).body().get("sequence").asLong())
                .as("nothing recorded").isEqualTo(sequence);
        assertThat(ok(api.get("/assessments/" + assessment + "?minSequence=0", STAFF), 200).body().get("sequence").asLong()).isZero();
        assertThat(api.get("/assessments?member=" + id, otherSecretary).body().get("total").asLong()).isZero();
    }

    private String fullMember(String name) {
        String id = applied(name, null);
        ok(api.post("/members/" + id + "/activist", STAFF, Map.of("date", "2023-02-01"), Map.of()), 200);
        ok(api.post("/members/" + id + "/development-object", STAFF, Map.of("date", "2023-08-01"), Map.of()), 200);
        ok(api.post("/members/" + id + "/political-review", STAFF, Map.of("date", "2023-09-01", "conclusion", "PASSED"), Map.of()), 200);
        ok(api.post("/members/" + id + "/admission", STAFF, Map.of("branchMeetingDate", "2023-10-10", "committeeApprovalDate", "2023-10-20"),
                Map.of()), 200);
        ok(api.post("/members/" + id + "/full-membership", STAFF, Map.of("branchMeetingDate", "2024-10-10", "committeeApprovalDate",
                "2024-10-20"), Map.of()), 200);
        return id;
    }

    @Test
    void aSanctionPublishedByDisciplineVetoesTheCadresPoliticalAssessmentAndTheTimelineNamesTheCausingEvent() {
        String id = fullMember("孔德明");
        JsonNode opened = ok(api.post("/members/" + id + "/cadre-assessments", STAFF, Map.of("year", 2025, "date", "2026-02-01",
                "basis", "党委关于开展年度政治建设考察的通知"), Map.of()), 200).body();
        assertThat(opened.get("sequence").asLong()).isEqualTo(6);
        assertThat(api.post("/members/" + id + "/cadre-assessments", secretary, Map.of("year", 2024, "date", "2026-02-01"), Map.of()).code())
                .as("the committee assesses cadres").isEqualTo("FORBIDDEN");

        String sanction = UUID.randomUUID().toString();
        org.dangjian.runtime.eventstore.StoredEvent effect = discipline.publish(sanction, new SanctionTookEffect(sanction, id,
                Sanction.SERIOUS_WARNING, java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2027, 9, 1)));
        discipline.republish(effect);

        Eventually.that(() -> assertThat(ok(api.get("/members/" + id, STAFF), 200).body().at("/cadreAssessments/0/state").asString())
                .isEqualTo("VETOED"));
        JsonNode file = api.get("/members/" + id, STAFF).body();
        assertThat(file.at("/cadreAssessments/0/veto/causingEventId").asString()).isEqualTo(effect.eventId());
        assertThat(file.at("/cadreAssessments/0/veto/sanction").asString()).isEqualTo("SERIOUS_WARNING");
        assertThat(file.at("/sanctions/0/sanctionId").asString()).isEqualTo(sanction);
        JsonNode entries = ok(api.get("/members/" + id + "/timeline", AUDITOR), 200).body().get("entries");
        assertThat(entries).as("noted once and vetoed once, however often it was delivered").hasSize(9);
        JsonNode veto = entries.get(8);
        assertThat(veto.get("type").asString()).isEqualTo("org.dangjian.members.CadrePoliticalAssessmentVetoed.v1");
        assertThat(veto.get("causationId").asString()).isEqualTo(effect.eventId());
        assertThat(veto.at("/data/causingEventId").asString()).isEqualTo(effect.eventId());
        assertThat(veto.at("/actor/id").asString()).isEqualTo("service:members");

        assertThat(api.post("/members/" + id + "/cadre-assessments/1/conclusion", STAFF, Map.of("result", "GOOD", "date", "2026-04-01"),
                Map.of()).code()).isEqualTo("ASSESSMENT_VETOED");
        // a new assessment while the sanction is in effect is vetoed at once; after its end one concludes
        ok(api.post("/members/" + id + "/cadre-assessments", STAFF, Map.of("year", 2026, "date", "2026-04-01"), Map.of()), 200);
        JsonNode second = ok(api.get("/members/" + id + "?minSequence=10", STAFF), 200).body();
        assertThat(second.at("/cadreAssessments/1/state").asString()).isEqualTo("VETOED");
        discipline.publish(sanction, new SanctionEnded(sanction, id, java.time.LocalDate.of(2026, 9, 1)));
        Eventually.that(() -> assertThat(ok(api.get("/members/" + id, STAFF), 200).body().at("/sanctions/0/endedOn").asString())
                .isEqualTo("2026-09-01"));
    }

    @Test
    void duesFromABaseAndRateArePaidPerMonthAndTheBranchSummaryAndArrearsShowWhoOwesWhat() {
        String payer = fullMember("褚国强");
        String owing = fullMember("卫晓红");
        for (String id : List.of(payer, owing)) {
            ok(api.post("/members/" + id + "/dues/base", secretary, Map.of("fromMonth", "2026-01", "base", 6500, "rate", 0.015, "basis", "2026 年工资表"),
                    Map.of()), 200);
        }
        assertThat(api.post("/members/" + payer + "/dues/base", secretary, Map.of("fromMonth", "2026-1", "base", 6500, "rate", 0.015), Map.of())
                .code()).isEqualTo("INVALID_REQUEST");
        JsonNode paid = ok(api.post("/members/" + payer + "/dues/payments", secretary, Map.of("months", List.of("2026-01", "2026-02", "2026-03"),
                "paidOn", "2026-03-10", "receipt", "收据 0017"), Map.of()), 200).body();
        assertThat(paid.get("sequence").asLong()).as("one event per month").isEqualTo(9);
        assertThat(api.post("/members/" + payer + "/dues/payments", secretary, Map.of("months", List.of("2026-03"), "paidOn", "2026-03-10"),
                Map.of()).code()).isEqualTo("DUES_ALREADY_PAID");

        JsonNode dues = ok(api.get("/members/" + payer + "/dues?year=2026&minSequence=9", secretary), 200).body();
        assertThat(dues.at("/months/0/due").decimalValue()).isEqualByComparingTo("97.50");
        assertThat(dues.at("/months/2/paidOn").asString()).isEqualTo("2026-03-10");
        assertThat(dues.at("/months/3/paid").isMissingNode() || dues.at("/months/3/paid").isNull()).isTrue();
        assertThat(dues.get("paidTotal").decimalValue()).isEqualByComparingTo("292.50");
        assertThat(dues.get("dueTotal").decimalValue()).isEqualByComparingTo("1170.00");
        java.time.YearMonth lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        long unpaidSinceApril = java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.of(2026, 4), lastMonth) + 1;
        assertThat(dues.get("arrearsMonths")).as("April 2026 to last month").hasSize((int) unpaidSinceApril);
        assertThat(dues.at("/base/monthlyDues").decimalValue()).isEqualByComparingTo("97.50");

        JsonNode march = ok(api.get("/dues/summary?month=2026-03&branch=" + branch, secretary), 200).body();
        assertThat(march.get("members").asLong()).isEqualTo(2);
        assertThat(march.get("paidCount").asLong()).isEqualTo(1);
        assertThat(march.get("due").decimalValue()).isEqualByComparingTo("195.00");
        assertThat(march.get("paid").decimalValue()).isEqualByComparingTo("97.50");
        assertThat(march.at("/unpaid/0/memberId").asString()).isEqualTo(owing);
        assertThat(api.get("/dues/summary?month=2026-13", secretary).code()).isEqualTo("INVALID_PARAMETER");

        JsonNode arrears = ok(api.get("/dues/arrears?branch=" + branch, STAFF), 200).body();
        assertThat(arrears.at("/items/0/memberId").asString()).as("the largest amount first").isEqualTo(owing);
        assertThat(arrears.at("/items/0/months")).hasSize((int) unpaidSinceApril + 3);
        assertThat(arrears.at("/items/0/amount").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal("97.50").multiply(java.math.BigDecimal.valueOf(unpaidSinceApril + 3)));
        assertThat(api.get("/dues/arrears?branch=" + branch, otherSecretary).body().get("total").asLong()).isZero();
    }

    @Test
    void careTrainingsAndTheCertificationOfAPartyAffairsCadreShowInTheFileAndTheCareList() {
        String id = fullMember("严德厚");
        ok(api.post("/members/" + id + "/care", secretary, Map.of("kind", "SICK_VISIT", "reason", "SICK", "date", "2026-11-01",
                "visitors", "李明", "amount", 300, "notes", "住院探望"), Map.of()), 200);
        ok(api.post("/members/" + id + "/trainings", STAFF, Map.of("course", "党务干部能力提升培训班", "organiser", "区委组织部",
                "endedOn", "2026-10-20", "hours", 24), Map.of()), 200);
        assertThat(api.post("/members/" + id + "/qualification", STAFF, Map.of("date", "2026-11-01"), Map.of()).code())
                .isEqualTo("TRAINING_HOURS_INSUFFICIENT");
        ok(api.post("/members/" + id + "/trainings", secretary, Map.of("course", "基层党建专题培训", "organiser", "市委党校",
                "endedOn", "2026-06-30", "hours", 8.5), Map.of()), 200);
        assertThat(api.post("/members/" + id + "/qualification", secretary, Map.of("date", "2026-11-01"), Map.of()).code())
                .as("the committee certifies").isEqualTo("FORBIDDEN");
        JsonNode qualified = ok(api.post("/members/" + id + "/qualification", STAFF, Map.of("date", "2026-11-01", "basis", "党委会议"),
                Map.of()), 200).body();

        JsonNode file = ok(api.get("/members/" + id + "?minSequence=" + qualified.get("sequence").asLong(), secretary), 200).body();
        assertThat(file.at("/care/0/visitors").asString()).isEqualTo("李明");
        assertThat(file.at("/care/0/amount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(file.get("trainings")).hasSize(2);
        assertThat(file.at("/qualification/trainingHours").decimalValue()).isEqualByComparingTo("32.5");
        assertThat(file.at("/qualification/validUntil").asString()).isEqualTo("2029-10-31");
        assertThat(file.at("/qualification/valid").asBoolean()).isTrue();

        JsonNode care = ok(api.get("/care?year=2026&branch=" + branch, secretary), 200).body();
        assertThat(care.at("/records/0/memberId").asString()).isEqualTo(id);
        assertThat(api.get("/care?year=2026&branch=" + branch, otherSecretary).body().get("records")).isEmpty();
    }

    @Test
    void anAssessmentIsOpenedScoredConcludedAndCorrectedAndItsTimelineShowsEachStepWithItsActor() {
        String id = fullMember("戚文斌");
        assertThat(api.post("/assessments", secretary, Map.of("id", UUID.randomUUID().toString(), "memberId", id, "type", "COMPREHENSIVE",
                "period", "2025", "date", "2026-01-10"), Map.of()).code()).as("the id follows from member, type and period")
                .isEqualTo("ASSESSMENT_ID_MISMATCH");
        JsonApi.Response opened = ok(api.post("/assessments", secretary, Map.of("memberId", id, "type", "COMPREHENSIVE",
                "period", "2025", "date", "2026-01-10"), Map.of()), 201);
        String assessment = opened.body().get("id").asString();
        assertThat(assessment).isEqualTo(java.util.UUID.nameUUIDFromBytes(("assessment|" + id + "|COMPREHENSIVE|2025")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(opened.header("Location")).isEqualTo("/assessments/" + assessment);
        assertThat(api.post("/assessments", STAFF, Map.of("id", assessment, "memberId", id, "type", "COMPREHENSIVE", "period", "2025",
                "date", "2026-01-11"), Map.of()).code()).as("once per member, type and period").isEqualTo("ASSESSMENT_ALREADY_EXISTS");
        assertThat(api.post("/assessments", otherSecretary, Map.of("memberId", id, "type", "COMPREHENSIVE", "period", "2025", "date", "2026-01-10"),
                Map.of()).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.post("/assessments", STAFF, Map.of("memberId", UUID.randomUUID().toString(), "type", "COMPREHENSIVE", "period", "2025",
                "date", "2026-01-10"), Map.of()).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.post("/assessments/" + assessment + "/scores", secretary, Map.of("scores", Map.of("POLITICS", 28)), Map.of()).code())
                .isEqualTo("CRITERIA_MISMATCH");
        ok(api.post("/assessments/" + assessment + "/scores", secretary, Map.of("scores", Map.of("POLITICS", 28, "DUTY", 27, "CONDUCT", 18,
                "MASSES", 16)), Map.of()), 200);
        ok(api.post("/assessments/" + assessment + "/conclusion", secretary, Map.of("date", "2026-01-20", "basis", "支部委员会"), Map.of()), 200);
        assertThat(api.post("/assessments/" + assessment + "/correction", secretary, Map.of("result", "EXCELLENT", "date", "2026-02-01",
                "reason", "复核"), Map.of()).code()).as("the committee corrects").isEqualTo("FORBIDDEN");
        JsonNode corrected = ok(api.post("/assessments/" + assessment + "/correction", STAFF, Map.of("result", "EXCELLENT", "date", "2026-02-01",
                "reason", "群众评价分数录入有误，复核后更正"), Map.of()), 200).body();

        JsonNode view = ok(api.get("/assessments/" + assessment + "?minSequence=" + corrected.get("sequence").asLong(), AUDITOR), 200).body();
        assertThat(view.get("total").asInt()).isEqualTo(89);
        assertThat(view.get("result").asString()).isEqualTo("EXCELLENT");
        assertThat(view.at("/corrections/0/previousResult").asString()).isEqualTo("QUALIFIED");
        assertThat(view.at("/corrections/0/reason").asString()).isEqualTo("群众评价分数录入有误，复核后更正");
        assertThat(view.get("criteriaVersion").asString()).isEqualTo("2022.1");
        JsonNode entries = ok(api.get("/assessments/" + assessment + "/timeline", AUDITOR), 200).body().get("entries");
        List<String> types = new java.util.ArrayList<>();
        entries.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).containsExactly("org.dangjian.members.MemberAssessmentOpened.v1",
                "org.dangjian.members.MemberAssessmentScored.v1", "org.dangjian.members.MemberAssessmentConcluded.v1",
                "org.dangjian.members.MemberAssessmentCorrected.v1");
        assertThat(entries.get(3).at("/actor/id").asString()).isEqualTo("dangwei");
        assertThat(ok(api.get("/assessments/" + assessment + "/verification", AUDITOR), 200).body().get("intact").asBoolean()).isTrue();
        assertThat(api.get("/assessments/" + assessment, otherSecretary).code()).isEqualTo("ASSESSMENT_NOT_FOUND");
        assertThat(api.get("/assessments?member=" + id, secretary).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/assessments?member=" + id, otherSecretary).body().get("total").asLong()).isZero();

        String vote = ok(api.post("/assessments", STAFF, Map.of("memberId", id, "type", "DEMOCRATIC_EVALUATION", "period", "2025", "date",
                "2026-01-10"), Map.of()), 201).body().get("id").asString();
        ok(api.post("/assessments/" + vote + "/conclusion", secretary, Map.of("result", "QUALIFIED", "votes", Map.of("EXCELLENT", 5,
                "QUALIFIED", 18, "BASICALLY_QUALIFIED", 1), "date", "2026-01-15"), Map.of()), 200);
        JsonNode evaluated = ok(api.get("/assessments/" + vote + "?minSequence=1", STAFF), 200).body();
        assertThat(evaluated.at("/votes/QUALIFIED").asInt()).isEqualTo(18);
        assertThat(evaluated.at("/votes/UNQUALIFIED").asInt()).isZero();
    }
}
