package org.dangjian.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The members service on the real (embedded) infrastructure, over HTTP with access tokens: the whole way from an
 * application to full membership with its timeline, and who reads what (data scope, masked personal data). Each test
 * works in a branch of its own, so lists and boards hold only its members.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class MembersServiceTest {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", COMMITTEE);
    static final String AUDITOR = TestTokens.forUser("shenji", "AUDITOR", COMMITTEE);
    static final String INSPECTOR = TestTokens.forUser("jijian", "DISCIPLINE_INSPECTOR", COMMITTEE);

    @LocalServerPort
    int port;

    JsonApi api;
    String branch;
    String secretary;
    String otherSecretary;

    @BeforeEach
    void setUp() {
        api = new JsonApi("http://localhost:" + port);
        branch = UUID.randomUUID().toString();
        secretary = TestTokens.forUser("shuji", "BRANCH_SECRETARY", branch);
        otherSecretary = TestTokens.forUser("shuji2", "BRANCH_SECRETARY", UUID.randomUUID().toString());
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
}
