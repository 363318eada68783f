package org.dangjian.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.organisation.web.OrganisationServiceTest.MEMBER;
import static org.dangjian.organisation.web.OrganisationServiceTest.STAFF;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /units}: the units a page at a time, under a parent or anywhere, filtered by text, kind and status, with
 * their subordinates counted. Other tests of the same context write units too: every test works under a committee of
 * its own, or searches for a tag only its own names hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class UnitListTest {

    private static final List<String> ITEM_FIELDS = List.of("id", "kind", "massOrganisationType", "name", "status", "parentId", "parentName",
            "sequence", "establishedAt", "dissolvedAt", "subordinates", "activeSubordinates");

    @LocalServerPort
    int port;

    Api api;
    /** Found only in this test's names (lower-case hex, so the names hold letters for case-insensitive searches). */
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Establishes a unit and waits until the read model shows it. */
    String unit(String kind, String name, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "name", name, "reason", "党委会议决定"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (kind.equals("MASS_ORGANISATION")) {
            body.put("massOrganisationType", "TRADE_UNION");
        }
        Api.Response created = api.post("/units", STAFF, body, Map.of());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(api.get("/units/" + id + "?minSequence=0", MEMBER).status()).isEqualTo(200);
        return id;
    }

    long dissolve(String id) {
        Api.Response dissolved = api.post("/units/" + id + "/dissolve", STAFF, Map.of("reason", "机构调整"), Map.of());
        assertThat(dissolved.status()).as(dissolved.raw().body()).isEqualTo(200);
        long sequence = dissolved.body().get("sequence").asLong();
        assertThat(api.get("/units/" + id + "?minSequence=" + sequence, MEMBER).status()).isEqualTo(200);
        return sequence;
    }

    Api.Response list(String query) {
        return api.get("/units" + (query.isEmpty() ? "" : "?" + query), MEMBER);
    }

    JsonNode page(String query) {
        Api.Response answer = list(query);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(names(answer.body())).containsExactly("items", "page", "size", "total");
        return answer.body();
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }

    static List<String> itemNames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    static JsonNode item(JsonNode page, String id) {
        return OrganisationServiceTest.findById(page.get("items"), id);
    }

    @Test
    void theUnitsUnderAUnitInTheTreesOrderWithTheirParentAndTheirSubordinatesCounted() {
        String committee = unit("COMMITTEE", tag + "中心党委", null);
        String mass = unit("MASS_ORGANISATION", tag + "工会", committee);
        String second = unit("BRANCH", tag + "第2党支部", committee);
        String first = unit("BRANCH", tag + "第1党支部", committee);
        String general = unit("GENERAL_BRANCH", tag + "机关党总支", committee);
        String underGeneral = unit("BRANCH", tag + "第3党支部", general);
        unit("PARTY_GROUP", tag + "第一党小组", first);

        JsonNode page = page("parent=" + committee);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("items")).extracting(item -> item.get("id").asString()).as("kind, then name")
                .containsExactly(general, first, second, mass);
        JsonNode branch = item(page, first);
        assertThat(names(branch)).containsExactlyElementsOf(ITEM_FIELDS);
        assertThat(branch.get("kind").asString()).isEqualTo("BRANCH");
        assertThat(branch.get("massOrganisationType").isNull()).isTrue();
        assertThat(branch.get("name").asString()).isEqualTo(tag + "第1党支部");
        assertThat(branch.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(branch.get("parentId").asString()).isEqualTo(committee);
        assertThat(branch.get("parentName").asString()).isEqualTo(tag + "中心党委");
        assertThat(branch.get("sequence").isIntegralNumber()).isTrue();
        assertThat(branch.get("establishedAt").asString()).isNotBlank();
        assertThat(branch.get("dissolvedAt").isNull()).isTrue();
        assertThat(branch.get("subordinates").asLong()).isEqualTo(1);
        assertThat(branch.get("activeSubordinates").asLong()).isEqualTo(1);
        assertThat(item(page, general).get("subordinates").asLong()).isEqualTo(1);
        assertThat(item(page, second).get("subordinates").asLong()).isZero();
        assertThat(item(page, mass).get("massOrganisationType").asString()).isEqualTo("TRADE_UNION");

        JsonNode below = page("parent=" + general);
        assertThat(below.get("items")).extracting(item -> item.get("id").asString()).containsExactly(underGeneral);
        assertThat(item(below, underGeneral).get("parentName").asString()).isEqualTo(tag + "机关党总支");

        JsonNode upperCase = page("parent=" + committee.toUpperCase(Locale.ROOT));
        assertThat(upperCase.get("total").asLong()).as("the same UUID in upper-case hex").isEqualTo(4);

        JsonNode top = page("parent=top&size=200");
        JsonNode ours = item(top, committee);
        assertThat(ours.get("parentId").isNull()).isTrue();
        assertThat(ours.get("parentName").isNull()).isTrue();
        assertThat(ours.get("subordinates").asLong()).isEqualTo(4);
        assertThat(ours.get("activeSubordinates").asLong()).isEqualTo(4);
        top.get("items").forEach(unit -> {
            assertThat(unit.get("kind").asString()).isEqualTo("COMMITTEE");
            assertThat(unit.get("parentId").isNull()).isTrue();
        });
        assertThat(itemNames(top)).isSorted();

        JsonNode everywhere = page("q=" + tag);
        assertThat(everywhere.get("total").asLong()).as("no parent: every unit, wherever it stands").isEqualTo(7);
        assertThat(everywhere.get("items")).extracting(item -> item.get("kind").asString())
                .containsExactly("COMMITTEE", "GENERAL_BRANCH", "BRANCH", "BRANCH", "BRANCH", "PARTY_GROUP", "MASS_ORGANISATION");
        assertThat(item(everywhere, underGeneral).get("parentName").asString()).isEqualTo(tag + "机关党总支");
    }

    @Test
    void aPageIsASliceOfTheWholeListAndTheTotalCountsThemAll() {
        String committee = unit("COMMITTEE", tag + "党委", null);
        for (int i = 1; i <= 5; i++) {
            unit("BRANCH", tag + "第" + i + "党支部", committee);
        }

        JsonNode second = page("parent=" + committee + "&page=1&size=2");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("total").asLong()).isEqualTo(5);
        assertThat(itemNames(second)).containsExactly(tag + "第3党支部", tag + "第4党支部");
        assertThat(itemNames(page("parent=" + committee + "&page=2&size=2"))).containsExactly(tag + "第5党支部");
        JsonNode beyond = page("parent=" + committee + "&page=3&size=2");
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
        assertThat(page("q=" + tag + "&page=2147483647&size=200").get("items")).as("no overflow far past the end").isEmpty();

        String empty = unit("BRANCH", tag + "第6党支部", committee);
        JsonNode none = page("parent=" + empty);
        assertThat(none.get("items")).as("a known unit with nothing under it").isEmpty();
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void theTextIsFoundInNamesIgnoringCaseAndTakenLiterallyNotAsAPattern() {
        String committee = unit("COMMITTEE", tag + "检索党委", null);
        String alpha = unit("BRANCH", tag + "Alpha党支部", committee);
        String pattern = unit("BRANCH", tag + "x.*y党支部", committee);
        unit("BRANCH", tag + "Beta党支部", committee);

        JsonNode upper = page("q=" + encoded(tag.toUpperCase(Locale.ROOT) + "ALPHA"));
        assertThat(upper.get("items")).extracting(item -> item.get("id").asString()).containsExactly(alpha);
        assertThat(upper.get("total").asLong()).isEqualTo(1);
        assertThat(page("q=" + encoded("alpha党支部") + "&parent=" + committee).get("total").asLong()).isEqualTo(1);

        assertThat(page("q=" + encoded(".*") + "&parent=" + committee).get("items")).extracting(item -> item.get("id").asString())
                .as("only the name that holds the characters .*").containsExactly(pattern);
        assertThat(page("q=" + encoded(tag + "x.*")).get("items")).extracting(item -> item.get("id").asString()).containsExactly(pattern);
        assertThat(page("q=" + encoded(tag + "x.y")).get("total").asLong()).isZero();
        for (String special : List.of("[", "(", "\\", "\\E", "^" + tag, "$", "|", "+", "?", "{1}")) {
            assertThat(page("q=" + encoded(special) + "&parent=" + committee).get("total").asLong()).as(special).isZero();
            assertThat(list("q=" + encoded(special)).status()).as(special).isEqualTo(200);
        }
        assertThat(page("q=" + encoded(tag)).get("total").asLong()).isEqualTo(4);
        assertThat(page("q=" + encoded(tag) + "&parent=top").get("total").asLong()).isEqualTo(1);
        assertThat(page("q=&parent=" + committee).get("total").asLong()).as("an empty text: any name").isEqualTo(3);
        assertThat(page("q=" + encoded("x".repeat(100))).get("total").asLong()).as("100 characters are allowed").isZero();
        assertThat(page("q=" + encoded("党".repeat(100))).get("total").asLong()).isZero();
    }

    @Test
    void kindAndStatusFilterAndTheCountsFollowADissolution() {
        String committee = unit("COMMITTEE", tag + "筛选党委", null);
        String general = unit("GENERAL_BRANCH", tag + "党总支", committee);
        String kept = unit("BRANCH", tag + "第1党支部", committee);
        String gone = unit("BRANCH", tag + "第2党支部", committee);
        dissolve(gone);

        assertThat(page("parent=" + committee + "&kind=BRANCH").get("items")).extracting(item -> item.get("id").asString())
                .containsExactly(kept, gone);
        assertThat(page("parent=" + committee + "&status=ACTIVE").get("items")).extracting(item -> item.get("id").asString())
                .containsExactly(general, kept);
        JsonNode dissolved = page("parent=" + committee + "&status=DISSOLVED");
        assertThat(dissolved.get("items")).extracting(item -> item.get("id").asString()).containsExactly(gone);
        assertThat(item(dissolved, gone).get("status").asString()).isEqualTo("DISSOLVED");
        assertThat(item(dissolved, gone).get("dissolvedAt").asString()).isNotBlank();
        assertThat(page("parent=" + committee + "&kind=GENERAL_BRANCH&status=DISSOLVED").get("total").asLong()).isZero();
        assertThat(page("q=" + tag + "&kind=GENERAL_BRANCH").get("items")).extracting(item -> item.get("id").asString())
                .containsExactly(general);
        assertThat(page("q=" + tag + "&status=DISSOLVED").get("items")).extracting(item -> item.get("id").asString())
                .containsExactly(gone);
        assertThat(page("q=" + tag + "&kind=BRANCH&status=ACTIVE").get("items")).extracting(item -> item.get("id").asString())
                .containsExactly(kept);

        JsonNode top = page("parent=top&q=" + tag);
        assertThat(item(top, committee).get("subordinates").asLong()).as("every unit ever established under it").isEqualTo(3);
        assertThat(item(top, committee).get("activeSubordinates").asLong()).isEqualTo(2);
    }

    @Test
    void badParametersAre400ProblemsAndAnUnknownParentIs404() {
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("parent=not-a-uuid", "INVALID_ID");
        codes.put("parent=TOP", "INVALID_ID");
        codes.put("parent=", "INVALID_ID");
        codes.put("parent=" + encoded("{\"$ne\":null}"), "INVALID_ID");
        codes.put("kind=TEAM", "INVALID_PARAMETER");
        codes.put("kind=branch", "INVALID_PARAMETER");
        codes.put("kind=%20BRANCH", "INVALID_PARAMETER");
        codes.put("kind=BRANCH%20", "INVALID_PARAMETER");
        codes.put("kind=2", "INVALID_PARAMETER");
        codes.put("status=active", "INVALID_PARAMETER");
        codes.put("status=GONE", "INVALID_PARAMETER");
        codes.put("size=0", "INVALID_PARAMETER");
        codes.put("size=201", "INVALID_PARAMETER");
        codes.put("size=abc", "INVALID_PARAMETER");
        codes.put("size=0x10", "INVALID_PARAMETER");
        codes.put("page=-1", "INVALID_PARAMETER");
        codes.put("page=1.5", "INVALID_PARAMETER");
        codes.put("page=99999999999", "INVALID_PARAMETER");
        codes.put("q=" + "x".repeat(101), "INVALID_PARAMETER");
        codes.put("q=" + encoded("党".repeat(101)), "INVALID_PARAMETER");
        codes.put("q=a%00b", "INVALID_PARAMETER");
        codes.put("unit=not-a-uuid&minSequence=0", "INVALID_ID");
        codes.put("unit=" + UUID.randomUUID() + "&minSequence=-1", "INVALID_PARAMETER");
        codes.forEach((query, code) -> {
            Api.Response refused = list(query);
            assertThat(refused.status()).as(query + " " + refused.raw().body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(query).startsWith("application/problem+json");
            assertThat(refused.code()).as(query).isEqualTo(code);
        });

        String unknown = UUID.randomUUID().toString();
        Api.Response notFound = list("parent=" + unknown);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("UNIT_NOT_FOUND");
        assertThat(notFound.body().get("detail").asString()).contains(unknown);

        assertThat(api.get("/units", null).status()).as("signed-in callers only").isEqualTo(401);
        assertThat(api.get("/units?size=1", OrganisationServiceTest.STAFF).status()).isEqualTo(200);
    }

    @Test
    void aListWaitsUntilTheChangeOfTheUnitItIsGivenShows() {
        String committee = unit("COMMITTEE", tag + "读己之写党委", null);
        Api.Response created = api.post("/units", STAFF, Map.of("kind", "BRANCH", "name", tag + "新党支部", "parentId", committee), Map.of());
        String branch = created.body().get("id").asString();

        JsonNode page = page("parent=" + committee + "&unit=" + branch + "&minSequence=" + created.body().get("sequence").asLong());
        assertThat(page.get("items")).extracting(item -> item.get("id").asString()).containsExactly(branch);

        Api.Response renamed = api.post("/units/" + branch + "/rename", STAFF, Map.of("name", tag + "更名党支部"), Map.of());
        JsonNode after = page("q=" + tag + "&unit=" + branch + "&minSequence=" + renamed.body().get("sequence").asLong());
        assertThat(item(after, branch).get("name").asString()).isEqualTo(tag + "更名党支部");

        Api.Response unknown = list("unit=" + UUID.randomUUID() + "&minSequence=0");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNIT_NOT_FOUND");
        Api.Response beyond = list("unit=" + branch + "&minSequence=9");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.code()).isEqualTo("SEQUENCE_NOT_STORED");
    }
}
