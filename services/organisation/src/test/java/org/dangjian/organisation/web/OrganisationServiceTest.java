package org.dangjian.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The organisation service on the real (embedded) infrastructure: its API, errors, read-your-writes and timelines,
 * through HTTP with access tokens as a client sends them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class OrganisationServiceTest {

    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", "00000000-0000-4000-8000-000000000001");
    static final String MEMBER = TestTokens.forUser("dangyuan", "PARTY_MEMBER", "00000000-0000-4000-8000-000000000011");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
    }

    Api.Response establish(String kind, String name, String parentId) {
        return api.establish(STAFF, kind, name, parentId, "党委会议决定");
    }

    String committee() {
        Api.Response created = establish("COMMITTEE", "中心党委", null);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    @Test
    void aBranchEstablishedUnderTheCommitteeIsReadBackWithItsTimeline() {
        String committee = committee();
        Api.Response created = establish("BRANCH", "第一党支部", committee);
        assertThat(created.status()).isEqualTo(201);
        String branch = created.body().get("id").asString();
        long sequence = created.body().get("sequence").asLong();
        assertThat(sequence).isZero();
        assertThat(created.header("Location")).isEqualTo("/units/" + branch);

        Api.Response unit = api.get("/units/" + branch + "?minSequence=" + sequence, MEMBER);
        assertThat(unit.status()).isEqualTo(200);
        assertThat(unit.body().get("name").asString()).isEqualTo("第一党支部");
        assertThat(unit.body().get("kind").asString()).isEqualTo("BRANCH");
        assertThat(unit.body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(unit.body().at("/parent/id").asString()).isEqualTo(committee);

        Api.Response tree = api.get("/tree?unit=" + branch + "&minSequence=0", MEMBER);
        JsonNode top = findById(tree.body().get("units"), committee);
        assertThat(findById(top.get("subordinates"), branch).get("name").asString()).isEqualTo("第一党支部");

        Api.Response timeline = api.get("/units/" + branch + "/timeline?minSequence=0", MEMBER);
        assertThat(timeline.status()).isEqualTo(200);
        JsonNode entry = timeline.body().get("entries").get(0);
        assertThat(entry.get("type").asString()).isEqualTo("org.dangjian.organisation.OrganisationUnitEstablished.v1");
        assertThat(entry.at("/actor/id").asString()).isEqualTo("dangwei");
        assertThat(entry.at("/actor/role").asString()).isEqualTo("COMMITTEE_STAFF");
        assertThat(entry.at("/actor/organisation").asString()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(entry.get("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(entry.get("prevHash").asString()).isEqualTo("0".repeat(64));
        assertThat(entry.get("occurredAt").asString()).isNotBlank();
        assertThat(entry.get("recordedAt").asString()).isNotBlank();
        assertThat(entry.at("/data/reason").asString()).isEqualTo("党委会议决定");
    }

    @Test
    void renamingAndDissolvingAreNewEventsThatKeepTheChain() {
        String committee = committee();
        String branch = establish("BRANCH", "第二党支部", committee).body().get("id").asString();
        Api.Response renamed = api.post("/units/" + branch + "/rename", STAFF, Map.of("name", "综合服务党支部", "reason", "机构调整"), Map.of());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("sequence").asLong()).isEqualTo(1);
        Api.Response dissolved = api.post("/units/" + branch + "/dissolve", STAFF, Map.of("reason", "并入第一党支部"), Map.of());
        assertThat(dissolved.body().get("sequence").asLong()).isEqualTo(2);

        JsonNode entries = api.get("/units/" + branch + "/timeline?minSequence=2", MEMBER).body().get("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).at("/data/previousName").asString()).isEqualTo("第二党支部");
        assertThat(entries.get(1).get("prevHash").asString()).isEqualTo(entries.get(0).get("hash").asString());
        assertThat(entries.get(2).get("prevHash").asString()).isEqualTo(entries.get(1).get("hash").asString());
        assertThat(api.get("/units/" + branch + "?minSequence=2", MEMBER).body().get("status").asString()).isEqualTo("DISSOLVED");

        Api.Response verification = api.get("/units/" + branch + "/verification", MEMBER);
        assertThat(verification.body().get("intact").asBoolean()).isTrue();
        assertThat(verification.body().get("eventsChecked").asLong()).isEqualTo(3);
    }

    @Test
    void aUnitWithActiveSubordinatesIsNotDissolvedButOnceTheyAreGoneItIs() {
        String committee = committee();
        String branch = establish("BRANCH", "第三党支部", committee).body().get("id").asString();
        api.get("/units/" + branch + "?minSequence=0", MEMBER);
        assertThat(api.post("/units/" + committee + "/dissolve", STAFF, Map.of(), Map.of()).code()).isEqualTo("UNIT_HAS_ACTIVE_SUBORDINATES");
        api.post("/units/" + branch + "/dissolve", STAFF, Map.of(), Map.of());
        api.get("/units/" + branch + "?minSequence=1", MEMBER);
        assertThat(api.post("/units/" + committee + "/dissolve", STAFF, Map.of(), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aClientChosenIdIsKeptAndCannotBeTakenTwice() {
        String id = "0f0e0d0c-0b0a-4000-8000-00000000abcd";
        Api.Response first = api.post("/units", STAFF, Map.of("id", id, "kind", "COMMITTEE", "name", "机关党委"), Map.of());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("id").asString()).isEqualTo(id);
        Api.Response second = api.post("/units", STAFF, Map.of("id", id, "kind", "COMMITTEE", "name", "机关党委"), Map.of());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("UNIT_ALREADY_EXISTS");
    }

    @Test
    void errorsAreProblemDetailsWithStableCodes() {
        String committee = committee();

        Api.Response malformed = api.post("/units", STAFF, "{\"kind\": \"BRANCH\", \"name\": ", Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.code()).as(malformed.raw().body()).isEqualTo("MALFORMED_REQUEST");
        assertThat(malformed.body().get("type").asString()).isEqualTo("urn:dangjian:problem:malformed-request");
        assertThat(malformed.body().get("correlationId").asString()).isEqualTo(malformed.header("X-Correlation-Id"));

        Api.Response unknownKind = api.post("/units", STAFF, Map.of("kind", "TEAM", "name", "x", "parentId", committee), Map.of());
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.code()).isEqualTo("MALFORMED_REQUEST");

        Api.Response invalid = api.post("/units", STAFF, Map.of("kind", "BRANCH", "name", " ", "parentId", "not-a-uuid"), Map.of());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("INVALID_REQUEST");
        assertThat(invalid.body().get("errors").findValuesAsString("field")).contains("name", "parentId");

        Api.Response unknownUnit = api.get("/units/9d2f3a4b-0000-4000-8000-000000000000", MEMBER);
        assertThat(unknownUnit.status()).isEqualTo(404);
        assertThat(unknownUnit.code()).isEqualTo("UNIT_NOT_FOUND");
        Api.Response renameUnknown = api.post("/units/9d2f3a4b-0000-4000-8000-000000000000/rename", STAFF, Map.of("name", "x"), Map.of());
        assertThat(renameUnknown.status()).isEqualTo(404);
        assertThat(renameUnknown.code()).isEqualTo("UNIT_NOT_FOUND");

        Api.Response unknownParent = establish("BRANCH", "第九党支部", "9d2f3a4b-0000-4000-8000-000000000000");
        assertThat(unknownParent.status()).isEqualTo(404);
        assertThat(unknownParent.code()).isEqualTo("PARENT_NOT_FOUND");

        Api.Response wrongNesting = establish("PARTY_GROUP", "第一党小组", committee);
        assertThat(wrongNesting.status()).isEqualTo(400);
        assertThat(wrongNesting.code()).isEqualTo("KIND_NOT_ALLOWED_UNDER_PARENT");
        assertThat(wrongNesting.body().get("detail").asString()).isEqualTo("党小组不能设在党委之下");
        assertThat(api.post("/units", STAFF, Map.of("kind", "PARTY_GROUP", "name", "第一党小组", "parentId", committee),
                Map.of("Accept-Language", "en")).body().get("detail").asString()).isEqualTo("A party group cannot stand under a committee");

        String branch = establish("BRANCH", "第四党支部", committee).body().get("id").asString();
        api.post("/units/" + branch + "/dissolve", STAFF, Map.of(), Map.of());
        Api.Response renameDissolved = api.post("/units/" + branch + "/rename", STAFF, Map.of("name", "新名称"), Map.of());
        assertThat(renameDissolved.status()).isEqualTo(409);
        assertThat(renameDissolved.code()).isEqualTo("UNIT_DISSOLVED");

        Api.Response noToken = api.post("/units", null, Map.of("kind", "COMMITTEE", "name", "x"), Map.of());
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/tree", TestTokens.expired("dangwei", "COMMITTEE_STAFF", null)).status()).isEqualTo(401);

        Api.Response member = api.post("/units", MEMBER, Map.of("kind", "COMMITTEE", "name", "x"), Map.of());
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.code()).isEqualTo("FORBIDDEN");
        assertThat(member.header("Content-Type")).startsWith("application/problem+json");

        Api.Response wrongMethod = api.get("/units/" + branch + "/rename", MEMBER);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(api.get("/nothing-here", MEMBER).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void textThatIsNotWellFormedUnicodeAndImpossibleBusinessTimesAreRefused() {
        Api.Response lone = api.post("/units", STAFF, "{\"kind\":\"COMMITTEE\",\"name\":\"党委\\ud800\"}", Map.of());
        assertThat(lone.status()).isEqualTo(400);
        assertThat(lone.code()).isEqualTo("INVALID_REQUEST");
        assertThat(lone.body().at("/errors/0/field").asString()).isEqualTo("name");
        Api.Response ancient = api.post("/units", STAFF, Map.of("kind", "COMMITTEE", "name", "古老党委", "occurredAt", "1900-01-01T00:00:00Z"),
                Map.of());
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.code()).isEqualTo("INVALID_OCCURRED_AT");
        Api.Response future = api.post("/units", STAFF, Map.of("kind", "COMMITTEE", "name", "未来党委", "occurredAt", "2999-01-01T00:00:00Z"),
                Map.of());
        assertThat(future.status()).isEqualTo(400);
    }

    @Test
    void theRecordedRoleIsTheOneTheOperationRequires() {
        String twoRoles = TestTokens.issue("lisi", java.util.List.of("PARTY_MEMBER", "COMMITTEE_STAFF"), null, Duration.ofHours(1));
        Api.Response created = api.post("/units", twoRoles, Map.of("kind", "COMMITTEE", "name", "双角色党委"), Map.of());
        assertThat(created.status()).isEqualTo(201);
        JsonNode entry = api.get("/units/" + created.body().get("id").asString() + "/timeline?minSequence=0", MEMBER).body().at("/entries/0");
        assertThat(entry.at("/actor/id").asString()).isEqualTo("lisi");
        assertThat(entry.at("/actor/role").asString()).isEqualTo("COMMITTEE_STAFF");
    }

    @Test
    void aTokenWithoutASubjectCannotActButIsToldWhy() {
        String anonymous = TestTokens.issue(null, java.util.List.of("COMMITTEE_STAFF"), null, Duration.ofHours(1));
        Api.Response refused = api.post("/units", anonymous, Map.of("kind", "COMMITTEE", "name", "无名党委"), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("TOKEN_WITHOUT_SUBJECT");
    }

    @Test
    void healthDetailsAreForOperatorsOnly() {
        assertThat(api.get("/actuator/health", null).body().has("components")).isFalse();
        String operator = TestTokens.forUser("yunwei", "PLATFORM_OPERATOR", null);
        JsonNode health = api.get("/actuator/health", operator).body();
        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("UP");
        assertThat(health.at("/components/eventStore/details/readModelLag").has("organisation-units")).isTrue();
    }

    @Test
    void anOperatorSeesARebuildRunAndThenDoneWithTheEventsItConsumed() {
        String committee = committee();
        establish("BRANCH", "重建党支部", committee);
        String operator = TestTokens.forUser("yunwei", "PLATFORM_OPERATOR", null);
        assertThat(api.post("/actuator/readmodels/organisation-units", operator, Map.of(), Map.of()).status()).isEqualTo(202);
        JsonNode started = api.get("/actuator/readmodels/organisation-units", operator).body().get("rebuild");
        assertThat(started.get("requestedAt").asString()).isNotBlank();

        eventually(() -> {
            JsonNode rebuild = api.get("/actuator/readmodels", operator).body().at("/organisation-units/rebuild");
            assertThat(rebuild.get("state").asString()).as(rebuild.toString()).isEqualTo("DONE");
            assertThat(rebuild.get("eventsTotal").asLong()).as("the topic holds this test's events at least").isGreaterThanOrEqualTo(3);
            assertThat(rebuild.get("eventsConsumed").asLong()).isEqualTo(rebuild.get("eventsTotal").asLong());
            assertThat(java.time.Instant.parse(rebuild.get("finishedAt").asString()))
                    .isAfterOrEqualTo(java.time.Instant.parse(rebuild.get("requestedAt").asString()));
            assertThat(rebuild.get("requestedAt").asString()).isEqualTo(started.get("requestedAt").asString());
        });
        assertThat(api.get("/units/" + committee, MEMBER).status()).as("the model is back").isEqualTo(200);
    }

    @Test
    void problemsSpeakChineseByDefaultAndEnglishWhenAsked() {
        String path = "/units/9d2f3a4b-0000-4000-8000-000000000001";
        assertThat(api.get(path, MEMBER).body().get("title").asString()).isEqualTo("组织不存在");
        Api.Response english = api.get(path, MEMBER, Map.of("Accept-Language", "en"));
        assertThat(english.body().get("title").asString()).isEqualTo("Unit not found");
        assertThat(english.body().get("detail").asString()).contains("9d2f3a4b-0000-4000-8000-000000000001");
    }

    @Test
    void theCorrelationIdOfTheRequestIsOnItsEvents() {
        String committee = committee();
        Api.Response created = api.post("/units", STAFF, Map.of("kind", "BRANCH", "name", "第五党支部", "parentId", committee),
                Map.of("X-Correlation-Id", "req-12345"));
        assertThat(created.header("X-Correlation-Id")).isEqualTo("req-12345");
        JsonNode entry = api.get("/units/" + created.body().get("id").asString() + "/timeline?minSequence=0", MEMBER).body().at("/entries/0");
        assertThat(entry.get("correlationId").asString()).isEqualTo("req-12345");
        assertThat(entry.get("causationId").asString()).isNotBlank().isNotEqualTo("req-12345");
    }

    @Test
    void healthAndTheOpenApiDocumentAreServedWithoutATokenMetricsToOperators() {
        assertThat(api.get("/actuator/health/readiness", null).body().get("status").asString()).isEqualTo("UP");
        committee();
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", MEMBER).status()).isEqualTo(403);
        String metrics = api.get("/actuator/prometheus", TestTokens.forUser("yunwei", "PLATFORM_OPERATOR", null)).raw().body();
        assertThat(metrics).contains("dangjian_events_stored_total", "dangjian_events_unpublished", "dangjian_readmodel_lag",
                "dangjian_events_published_total");
        JsonNode openApi = api.get("/v3/api-docs", null).body();
        assertThat(openApi.at("/paths").has("/units")).isTrue();
        assertThat(openApi.at("/paths").has("/units/{id}/timeline")).isTrue();
        assertThat(api.get("/actuator/readmodels", MEMBER).status()).isEqualTo(403);
    }

    static JsonNode findById(JsonNode nodes, String id) {
        for (JsonNode node : nodes) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("No unit " + id + " in " + nodes);
    }

    static void eventually(Runnable assertion) {
        Eventually.that(Duration.ofSeconds(20), assertion);
    }
}
