package org.dangjian.activities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The learning and practice records (学习教育, "我为群众办实事", 调研报告, 群众性活动) over HTTP on the embedded
 * infrastructure: recorded by a secretary with his branch's members, corrected (a new event naming the changed fields),
 * a deed completed once, listed by kind, branch and days, shown with their corrections, timeline and verification, and
 * in the members' participation with their hours; another branch's secretary finds nothing of them on any endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class EngagementsServiceTest extends ServiceTestBase {

    private Map<String, Object> learning(List<String> participants) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "LEARNING", "branchId", branch, "title", "党史学习教育专题读书班", "date", DAY,
                "hours", 2.5, "participants", participants, "evidence", List.of("照片编号 2026-017", "https://example.org/news/1"),
                "learningForm", "READING_CLASS"));
        body.put("description", "学习《中国共产党简史》第一章");
        return body;
    }

    @Test
    void learningIsRecordedCorrectedListedShownAndCountedInParticipation() {
        String username = "dy-" + UUID.randomUUID().toString().substring(0, 8);
        String lin = member("林晓雯", branch, username);
        String zhou = member("周建国", branch, null);
        String stranger = member("赵强", otherBranch, null);
        assertThat(api.post("/engagements", secretary, learning(List.of(lin, stranger)), Map.of()).code())
                .as("another branch's member").isEqualTo("MEMBER_NOT_FOUND");
        Map<String, Object> noForm = learning(List.of(lin));
        noForm.remove("learningForm");
        assertThat(api.post("/engagements", secretary, noForm, Map.of()).code()).isEqualTo("LEARNING_FORM_REQUIRED");
        assertThat(api.post("/engagements", secretary, learning(List.of(lin, lin)), Map.of()).code()).isEqualTo("DUPLICATE_PARTICIPANT");
        Map<String, Object> future = learning(List.of(lin));
        future.put("date", "2999-01-01");
        assertThat(api.post("/engagements", secretary, future, Map.of()).code()).isEqualTo("DATE_IN_FUTURE");
        Map<String, Object> badHours = learning(List.of(lin));
        badHours.put("hours", 1.25);
        assertThat(api.post("/engagements", secretary, badHours, Map.of()).status()).isEqualTo(400);

        JsonApi.Response created = ok(api.post("/engagements", secretary, learning(List.of(lin)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/engagements/" + id);
        long corrected = ok(api.post("/engagements/" + id + "/corrections", secretary, Map.of("reason", "漏登一人", "participants",
                List.of(lin, zhou), "hours", 3, "title", "党史学习教育专题读书班"), Map.of()), 200).body().get("sequence").asLong();
        assertThat(corrected).isEqualTo(1);
        assertThat(api.post("/engagements/" + id + "/corrections", secretary, Map.of("reason", "再次", "participants", List.of(zhou, lin)),
                Map.of()).code()).isEqualTo("ENGAGEMENT_UNCHANGED");
        assertThat(api.post("/engagements/" + id + "/completion", secretary, Map.of("date", DAY, "result", "完成"), Map.of()).code())
                .isEqualTo("NOT_A_DEED");

        JsonNode detail = ok(api.get("/engagements/" + id + "?minSequence=" + corrected, secretary), 200).body();
        assertThat(detail.get("kind").asString()).isEqualTo("LEARNING");
        assertThat(detail.get("learningForm").asString()).isEqualTo("READING_CLASS");
        assertThat(detail.get("branchName").asString()).isEqualTo("第一党支部");
        assertThat(detail.get("hours").decimalValue()).isEqualByComparingTo("3");
        assertThat(detail.get("participants")).hasSize(2);
        assertThat(detail.at("/participants/0/name").asString()).isEqualTo("林晓雯");
        assertThat(detail.get("evidence")).hasSize(2);
        assertThat(detail.get("state").asString()).isEqualTo("RECORDED");
        assertThat(detail.at("/corrections/0/reason").asString()).isEqualTo("漏登一人");
        List<String> fields = new ArrayList<>();
        detail.at("/corrections/0/fields").forEach(field -> fields.add(field.asString()));
        assertThat(fields).as("only the changed fields").containsExactlyInAnyOrder("hours", "participants");

        JsonNode timeline = ok(api.get("/engagements/" + id + "/timeline?minSequence=" + corrected, secretary), 200).body().get("entries");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).get("type").asString()).isEqualTo("org.dangjian.activities.EngagementRecorded.v1");
        assertThat(timeline.get(1).get("type").asString()).isEqualTo("org.dangjian.activities.EngagementCorrected.v1");
        assertThat(timeline.get(0).at("/actor/role").asString()).isEqualTo("BRANCH_SECRETARY");
        JsonNode verification = ok(api.get("/engagements/" + id + "/verification", AUDITOR), 200).body();
        assertThat(verification.get("eventsChecked").asInt()).isEqualTo(2);
        assertThat(verification.get("intact").asBoolean()).isTrue();

        JsonNode list = ok(api.get("/engagements?kind=LEARNING&branch=" + branch + "&from=2026-03-01&to=2026-03-31&engagement=" + id
                + "&minSequence=" + corrected, secretary), 200).body();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.at("/items/0/participants").asInt()).isEqualTo(2);
        assertThat(list.at("/items/0/corrections").asInt()).isEqualTo(1);
        assertThat(api.get("/engagements?kind=DEED&branch=" + branch, STAFF).body().get("total").asLong()).isZero();
        assertThat(api.get("/engagements?branch=" + branch + "&from=2026-04-01", AUDITOR).body().get("total").asLong()).isZero();
        assertThat(api.get("/engagements?kind=learning", STAFF).status()).isEqualTo(400);

        JsonNode participation = ok(api.get("/members/" + zhou + "/participation?engagement=" + id + "&minSequence=" + corrected, secretary), 200)
                .body();
        assertThat(participation.get("engagementHours").decimalValue()).isEqualByComparingTo("3");
        assertThat(participation.at("/engagements/0/engagementId").asString()).isEqualTo(id);
        assertThat(participation.at("/engagements/0/title").asString()).isEqualTo("党史学习教育专题读书班");
        String partyMember = TestTokens.forUser(username, "PARTY_MEMBER", branch);
        JsonNode own = ok(api.get("/members/me/participation?year=2026", partyMember), 200).body();
        assertThat(own.get("engagements")).hasSize(1);
        assertThat(api.get("/members/me/participation?year=2025", partyMember).body().get("engagements")).isEmpty();
        assertThat(api.get("/engagements", partyMember).status()).isEqualTo(403);
        assertThat(api.get("/engagements/" + id, partyMember).status()).isEqualTo(403);
    }

    @Test
    void aDeedIsCommittedThenCompletedOnceAndItsCompletionCorrected() {
        String wang = member("王芳", branch, null);
        String id = ok(api.post("/engagements", STAFF, Map.of("kind", "DEED", "branchId", branch, "title", "为小区修缮路灯", "date", "2026-03-01",
                "hours", 2, "participants", List.of(wang)), Map.of()), 201).body().get("id").asString();
        assertThat(api.post("/engagements/" + id + "/corrections", secretary, Map.of("reason", "补充", "result", "结果"), Map.of()).code())
                .isEqualTo("DEED_NOT_COMPLETED");
        assertThat(api.post("/engagements/" + id + "/completion", secretary, Map.of("date", "2026-02-01", "result", "完成"), Map.of()).code())
                .isEqualTo("COMPLETION_BEFORE_COMMITMENT");
        ok(api.post("/engagements/" + id + "/completion", secretary, Map.of("date", DAY, "result", "修缮路灯十二盏"), Map.of()), 200);
        assertThat(api.post("/engagements/" + id + "/completion", secretary, Map.of("date", DAY, "result", "再次"), Map.of()).code())
                .isEqualTo("DEED_ALREADY_COMPLETED");
        long sequence = ok(api.post("/engagements/" + id + "/corrections", STAFF, Map.of("reason", "补充办结情况", "result", "修缮路灯十五盏"),
                Map.of()), 200).body().get("sequence").asLong();
        JsonNode detail = ok(api.get("/engagements/" + id + "?minSequence=" + sequence, STAFF), 200).body();
        assertThat(detail.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(detail.get("completedOn").asString()).isEqualTo(DAY);
        assertThat(detail.get("result").asString()).isEqualTo("修缮路灯十五盏");
        assertThat(api.get("/engagements?kind=DEED&branch=" + branch, secretary).body().at("/items/0/state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aReportHasAuthorsAndAMassActivityItsOrganisingUnit() {
        String lin = member("林晓雯", branch, null);
        String zhou = member("周建国", branch, null);
        String report = ok(api.post("/engagements", secretary, Map.of("kind", "RESEARCH_REPORT", "branchId", branch, "title", "关于社区养老服务的调研报告",
                "date", DAY, "participants", List.of(lin, zhou), "authors", List.of(lin), "summary", "走访十户，提出三条建议"), Map.of()), 201)
                .body().get("id").asString();
        JsonNode detail = ok(api.get("/engagements/" + report + "?minSequence=0", secretary), 200).body();
        assertThat(detail.at("/authors/0/name").asString()).isEqualTo("林晓雯");
        assertThat(detail.has("hours") && !detail.get("hours").isNull()).as("a report may have no hours").isFalse();
        assertThat(api.post("/engagements", secretary, Map.of("kind", "RESEARCH_REPORT", "branchId", branch, "title", "报告", "date", DAY,
                "participants", List.of(zhou), "authors", List.of(lin), "summary", "摘要"), Map.of()).code()).isEqualTo("AUTHOR_NOT_PARTICIPANT");

        String union = established(OrganisationUnitKind.MASS_ORGANISATION, MassOrganisationType.TRADE_UNION, "机关工会");
        String group = established(OrganisationUnitKind.PARTY_GROUP, null, "第一党小组");
        Map<String, Object> walk = new HashMap<>(Map.of("kind", "MASS_ACTIVITY", "branchId", branch, "title", "健步行", "date", DAY, "hours", 1,
                "participants", List.of(lin, zhou), "organiserId", union));
        String mass = ok(api.post("/engagements", secretary, walk, Map.of()), 201).body().get("id").asString();
        assertThat(ok(api.get("/engagements/" + mass + "?minSequence=0", STAFF), 200).body().get("organiserName").asString()).isEqualTo("机关工会");
        walk.put("organiserId", group);
        assertThat(api.post("/engagements", secretary, walk, Map.of()).code()).isEqualTo("ORGANISER_NOT_ELIGIBLE");
        walk.put("organiserId", UUID.randomUUID().toString());
        assertThat(api.post("/engagements", secretary, walk, Map.of()).code()).isEqualTo("ORGANISER_UNKNOWN");
        walk.put("kind", "LEARNING");
        walk.put("organiserId", union);
        walk.put("learningForm", "CENTRALISED_STUDY");
        assertThat(api.post("/engagements", secretary, walk, Map.of()).code()).isEqualTo("FIELD_NOT_FOR_KIND");

        JsonNode participation = ok(api.get("/members/" + zhou + "/participation?engagement=" + mass + "&minSequence=0", STAFF), 200).body();
        assertThat(participation.get("engagements")).hasSize(2);
        assertThat(participation.get("engagementHours").decimalValue()).as("the report has no hours").isEqualByComparingTo("1");
    }

    /**
     * Every endpoint of one record, read or command, refused to the secretary of another branch as if the record did not
     * exist (404), with a valid request each; nothing is recorded. The table covers every such path of the OpenAPI
     * document: a new endpoint without an entry here fails the test.
     */
    @Test
    void aSecretaryOfAnotherBranchIsRefusedEveryEndpointOfThisBranchsRecordAndRecordsNothing() {
        String lin = member("邓宏伟", branch, null);
        String id = ok(api.post("/engagements", secretary, Map.of("kind", "DEED", "branchId", branch, "title", "帮助孤寡老人", "date", DAY,
                "hours", 2, "participants", List.of(lin)), Map.of()), 201).body().get("id").asString();
        Map<String, Map<String, Object>> commands = new TreeMap<>(Map.of(
                "/engagements/{id}/completion", Map.of("date", DAY, "result", "完成"),
                "/engagements/{id}/corrections", Map.of("reason", "更正", "title", "新标题")));
        List<String> reads = List.of("/engagements/{id}", "/engagements/{id}/timeline", "/engagements/{id}/verification");

        Set<String> documented = new TreeSet<>();
        ok(api.get("/v3/api-docs", STAFF), 200).body().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (path.getKey().startsWith("/engagements/{id}")) {
                documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> covered = new TreeSet<>();
        commands.keySet().forEach(path -> covered.add("POST " + path));
        reads.forEach(path -> covered.add("GET " + path));
        assertThat(covered).as("every endpoint of one record is in this test").isEqualTo(documented);

        for (String path : reads) {
            for (String query : List.of("", "?minSequence=0", "?minSequence=99")) {
                JsonApi.Response answer = api.get(path.replace("{id}", id) + (path.endsWith("verification") ? "" : query), otherSecretary);
                assertThat(answer.status()).as("GET " + path + query).isEqualTo(404);
                assertThat(answer.code()).as("GET " + path + query).isEqualTo("ENGAGEMENT_NOT_FOUND");
            }
        }
        commands.forEach((path, body) -> {
            JsonApi.Response answer = api.post(path.replace("{id}", id), otherSecretary, body, Map.of());
            assertThat(answer.status()).as("POST " + path + " " + answer.body()).isEqualTo(404);
            assertThat(answer.code()).as("POST " + path).isEqualTo("ENGAGEMENT_NOT_FOUND");
            assertThat(api.post(path.replace("{id}", id), TestTokens.forUser("dangyuan", "PARTY_MEMBER", branch), body, Map.of()).status())
                    .as("a party member changes no record: POST " + path).isEqualTo(403);
        });
        assertThat(api.post("/engagements", otherSecretary, Map.of("kind", "DEED", "branchId", branch, "title", "帮助孤寡老人", "date", DAY,
                "hours", 2, "participants", List.of(lin)), Map.of()).code()).as("recording for another branch").isEqualTo("BRANCH_NOT_FOUND");
        assertThat(api.get("/engagements?branch=" + branch, otherSecretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/engagements", otherSecretary).body().get("total").asLong()).isZero();
        assertThat(api.get("/engagements?engagement=" + id + "&minSequence=0", otherSecretary).code()).isEqualTo("ENGAGEMENT_NOT_FOUND");
        assertThat(api.get("/members/" + lin + "/participation", otherSecretary).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(ok(api.get("/engagements/" + id + "?minSequence=0", STAFF), 200).body().get("sequence").asLong()).as("nothing recorded")
                .isZero();
        assertThat(api.get("/engagements/" + id, secretary).status()).isEqualTo(200);
    }
}
