package org.dangjian.activities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dangjian.activities.command.AssignDualLifeCommand;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Dual organisational life (双重组织生活) over HTTP on the embedded infrastructure: committee staff assign a leading
 * cadre of one branch to another's organisational life; that branch's activities list him for attendance on the days it
 * applies, his attendance there is marked and counts in his own participation too (read by his own branch's
 * secretary); it ends, is assigned again from a later day, and each step is on its timeline; who reads and changes what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class DualLifeServiceTest extends ServiceTestBase {

    private Map<String, Object> assignment(String memberId, String branchId) {
        return Map.of("memberId", memberId, "branchId", branchId, "position", "中心主任", "since", "2026-01-01",
                "basis", "党委关于落实领导干部双重组织生活制度的通知");
    }

    private String heldActivity() {
        String id = ok(api.post("/activities", secretary, Map.of("branchId", branch, "kind", "THEME_PARTY_DAY", "topic", "主题党日",
                "plannedDate", DAY, "place", "党员活动室"), Map.of()), 201).body().get("id").asString();
        ok(api.post("/activities/" + id + "/holding", secretary, Map.of("date", DAY, "minutes", "一、重温入党誓词；二、志愿服务。"), Map.of()), 200);
        return id;
    }

    @Test
    void aCadreTakesPartInAnotherBranchAndHisAttendanceCountsInBoth() {
        String username = "ld-" + UUID.randomUUID().toString().substring(0, 8);
        String cadre = member("王建国", otherBranch, username);
        String colleague = member("林晓雯", branch, null);

        assertThat(api.post("/dual-lives", secretary, assignment(cadre, branch), Map.of()).status()).as("staff only").isEqualTo(403);
        assertThat(api.post("/dual-lives", STAFF, assignment(cadre, otherBranch), Map.of()).code()).isEqualTo("DUAL_LIFE_OWN_BRANCH");
        assertThat(api.post("/dual-lives", STAFF, assignment(UUID.randomUUID().toString(), branch), Map.of()).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.post("/dual-lives", STAFF, assignment(cadre, UUID.randomUUID().toString()), Map.of()).code()).isEqualTo("BRANCH_UNKNOWN");
        String group = established(OrganisationUnitKind.PARTY_GROUP, null, "第一党小组");
        assertThat(api.post("/dual-lives", STAFF, assignment(cadre, group), Map.of()).code()).isEqualTo("NOT_A_BRANCH");

        JsonApi.Response created = ok(api.post("/dual-lives", STAFF, assignment(cadre, branch), Map.of()), 201);
        String id = created.body().get("id").asString();
        assertThat(id).isEqualTo(AssignDualLifeCommand.idOf(cadre, branch));
        assertThat(created.header("Location")).endsWith("/dual-lives/" + id);
        assertThat(api.post("/dual-lives", STAFF, assignment(cadre, branch), Map.of()).code()).isEqualTo("DUAL_LIFE_ALREADY_ACTIVE");

        JsonNode record = ok(api.get("/dual-lives/" + id + "?minSequence=0", STAFF), 200).body();
        assertThat(record.get("memberName").asString()).isEqualTo("王建国");
        assertThat(record.get("homeBranchName").asString()).isEqualTo("第二党支部");
        assertThat(record.get("branchName").asString()).isEqualTo("第一党支部");
        assertThat(record.get("active").asBoolean()).isTrue();
        assertThat(record.get("position").asString()).isEqualTo("中心主任");

        // the branch lists him for attendance at its activity of that day; his attendance there is marked
        String activity = heldActivity();
        JsonNode detail = ok(api.get("/activities/" + activity, secretary), 200).body();
        assertThat(detail.get("dualLifeCadres")).hasSize(1);
        assertThat(detail.get("dualLifeCadres").get(0).get("memberId").asString()).isEqualTo(cadre);
        assertThat(detail.get("dualLifeCadres").get(0).get("homeBranchName").asString()).isEqualTo("第二党支部");
        long sequence = ok(api.post("/activities/" + activity + "/attendance", secretary, Map.of("entries", List.of(
                Map.of("memberId", cadre, "attendance", "PRESENT"), Map.of("memberId", colleague, "attendance", "PRESENT"))), Map.of()), 200)
                .body().get("sequence").asLong();
        JsonNode attended = ok(api.get("/activities/" + activity + "?minSequence=" + sequence, secretary), 200).body();
        assertThat(attended.get("present").asInt()).isEqualTo(2);
        for (JsonNode line : attended.get("attendance")) {
            assertThat(line.get("dualLife").asBoolean()).as(line.toString()).isEqualTo(line.get("memberId").asString().equals(cadre));
        }

        // ... and counts in his own record, read by his own branch's secretary and by himself
        JsonNode participation = ok(api.get("/members/" + cadre + "/participation?activity=" + activity + "&minSequence=" + sequence,
                otherSecretary), 200).body();
        assertThat(participation.get("present").asInt()).isEqualTo(1);
        assertThat(participation.get("activities").get(0).get("branchId").asString()).isEqualTo(branch);
        assertThat(participation.get("activities").get(0).get("dualLife").asBoolean()).isTrue();
        assertThat(participation.get("dualLives").get(0).get("branchName").asString()).isEqualTo("第一党支部");
        String own = TestTokens.forUser(username, "PARTY_MEMBER", otherBranch);
        assertThat(ok(api.get("/members/me/participation", own), 200).body().get("activities").get(0).get("dualLife").asBoolean()).isTrue();
        JsonNode colleagues = ok(api.get("/members/" + colleague + "/participation", secretary), 200).body();
        assertThat(colleagues.get("activities").get(0).get("dualLife").asBoolean()).isFalse();

        // ended after the day of the activity: still listed there; assigned again only from a later day
        assertThat(api.post("/dual-lives/" + id + "/ending", secretary, Map.of("until", "2026-03-31", "reason", "工作调整"), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/dual-lives/" + id + "/ending", STAFF, Map.of("until", "2025-12-31", "reason", "工作调整"), Map.of()).code())
                .isEqualTo("DUAL_LIFE_ENDS_BEFORE_START");
        ok(api.post("/dual-lives/" + id + "/ending", STAFF, Map.of("until", "2026-03-31", "reason", "工作调整"), Map.of()), 200);
        assertThat(api.post("/dual-lives/" + id + "/ending", STAFF, Map.of("until", "2026-03-31", "reason", "工作调整"), Map.of()).code())
                .isEqualTo("DUAL_LIFE_NOT_ACTIVE");
        Map<String, Object> again = new java.util.HashMap<>(assignment(cadre, branch));
        again.put("since", "2026-03-31");
        assertThat(api.post("/dual-lives", STAFF, again, Map.of()).code()).isEqualTo("DUAL_LIFE_OVERLAPS");
        again.put("since", "2026-05-01");
        long last = ok(api.post("/dual-lives", STAFF, again, Map.of()), 201).body().get("sequence").asLong();
        assertThat(last).isEqualTo(2);
        JsonNode twice = ok(api.get("/dual-lives/" + id + "?minSequence=2", STAFF), 200).body();
        assertThat(twice.get("periods")).hasSize(2);
        assertThat(twice.get("periods").get(0).get("until").asString()).isEqualTo("2026-03-31");
        assertThat(twice.get("periods").get(0).get("reason").asString()).isEqualTo("工作调整");
        assertThat(twice.get("since").asString()).isEqualTo("2026-05-01");
        assertThat(ok(api.get("/activities/" + activity, STAFF), 200).body().get("dualLifeCadres")).as("it applied on the activity's day").hasSize(1);

        JsonNode timeline = ok(api.get("/dual-lives/" + id + "/timeline?minSequence=2", AUDITOR), 200).body();
        assertThat(timeline.get("assignmentId").asString()).isEqualTo(id);
        assertThat(timeline.get("entries")).extracting(entry -> entry.get("type").asString()).containsExactly(
                "org.dangjian.activities.DualLifeAssigned.v1", "org.dangjian.activities.DualLifeEnded.v1", "org.dangjian.activities.DualLifeAssigned.v1");
        JsonNode verification = ok(api.get("/dual-lives/" + id + "/verification", AUDITOR), 200).body();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsChecked").asInt()).isEqualTo(3);
    }

    @Test
    void eachReadsTheRecordsOfHisScope() {
        String username = "ld-" + UUID.randomUUID().toString().substring(0, 8);
        String cadre = member("陈主任", otherBranch, username);
        String id = ok(api.post("/dual-lives", STAFF, assignment(cadre, branch), Map.of()), 201).body().get("id").asString();
        ok(api.get("/dual-lives/" + id + "?minSequence=0", STAFF), 200);
        String third = established(OrganisationUnitKind.BRANCH, null, "第三党支部");
        String thirdSecretary = TestTokens.forUser("shuji3", "BRANCH_SECRETARY", third);

        assertThat(ok(api.get("/dual-lives?branch=" + branch, secretary), 200).body()).extracting(r -> r.get("id").asString()).containsExactly(id);
        assertThat(ok(api.get("/dual-lives?member=" + cadre, otherSecretary), 200).body()).hasSize(1);
        assertThat(ok(api.get("/dual-lives?member=" + cadre, TestTokens.forUser(username, "PARTY_MEMBER", otherBranch)), 200).body()).hasSize(1);
        assertThat(ok(api.get("/dual-lives?member=" + cadre + "&active=false", STAFF), 200).body()).isEmpty();
        assertThat(ok(api.get("/dual-lives?member=" + cadre, thirdSecretary), 200).body()).isEmpty();
        assertThat(api.get("/dual-lives/" + id, thirdSecretary).code()).isEqualTo("DUAL_LIFE_NOT_FOUND");
        assertThat(api.get("/dual-lives/" + id + "?minSequence=0", thirdSecretary).code()).isEqualTo("DUAL_LIFE_NOT_FOUND");
        assertThat(api.get("/dual-lives/" + id + "/timeline", thirdSecretary).code()).isEqualTo("DUAL_LIFE_NOT_FOUND");
        assertThat(api.get("/dual-lives/" + id + "/verification", thirdSecretary).code()).isEqualTo("DUAL_LIFE_NOT_FOUND");
        assertThat(api.get("/dual-lives/" + id, TestTokens.forUser("someone", "PARTY_MEMBER", branch)).code()).isEqualTo("DUAL_LIFE_NOT_FOUND");
        assertThat(api.get("/dual-lives/" + UUID.randomUUID(), STAFF).code()).isEqualTo("DUAL_LIFE_NOT_FOUND");
    }

    @Test
    void aVolunteerServiceRecordIsReadWhereItsAnswerPoints() {
        String lin = member("林晓雯", branch, null);
        JsonApi.Response created = ok(api.post("/volunteer-services", secretary, Map.of("memberId", lin, "kind", "HOME_VISIT", "hours", 2.5,
                "date", DAY), Map.of()), 201);
        String id = created.body().get("id").asString();
        String location = created.header("Location");
        assertThat(location).endsWith("/volunteer-services/" + id);
        JsonNode record = ok(api.get("/volunteer-services/" + id + "?minSequence=0", secretary), 200).body();
        assertThat(record.get("memberName").asString()).isEqualTo("林晓雯");
        assertThat(record.get("branchName").asString()).isEqualTo("第一党支部");
        assertThat(record.get("kind").asString()).isEqualTo("HOME_VISIT");
        assertThat(record.get("hours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(record.get("date").asString()).isEqualTo(DAY);
        assertThat(ok(api.get("/volunteer-services/" + id + "/timeline?minSequence=0", AUDITOR), 200).body().get("entries")).hasSize(1);
        assertThat(ok(api.get("/volunteer-services/" + id + "/verification", STAFF), 200).body().get("intact").asBoolean()).isTrue();
        assertThat(api.get("/volunteer-services/" + id, otherSecretary).code()).isEqualTo("VOLUNTEER_SERVICE_NOT_FOUND");
        assertThat(api.get("/volunteer-services/" + id + "/timeline", otherSecretary).code()).isEqualTo("VOLUNTEER_SERVICE_NOT_FOUND");
        assertThat(api.get("/volunteer-services/" + id + "/verification", otherSecretary).code()).isEqualTo("VOLUNTEER_SERVICE_NOT_FOUND");
        assertThat(api.get("/volunteer-services/" + UUID.randomUUID(), STAFF).code()).isEqualTo("VOLUNTEER_SERVICE_NOT_FOUND");
    }
}
