package org.dangjian.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.organisation.web.OrganisationServiceTest.MEMBER;
import static org.dangjian.organisation.web.OrganisationServiceTest.STAFF;
import static org.dangjian.organisation.web.OrganisationServiceTest.eventually;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import org.dangjian.conformance.RawHttp;
import org.dangjian.conformance.Topics;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One test per finding of the outside probe of the organisation service (issue 7): each failed before the runtime's
 * strict input, text rule, canonical ids and impossible-read checks, and passes now. Every refused command is also
 * shown to have stored nothing: the unit is not in the event store ({@code GET /units/{id}?minSequence=0} is 404 at
 * once) and the {@code events} collection holds as many documents as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class ProbeFindingsTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase serviceDatabase;
    @Autowired
    PlatformProperties properties;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    Api api;
    RawHttp raw;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
        raw = new RawHttp("localhost", port);
    }

    // --- 1 -------------------------------------------------------------------------------------------------------

    @Test
    void aUnitCannotBeEstablishedUnderItselfAndTheClientIsToldSoInsteadOfA500() {
        String id = newId();
        long events = events();

        Api.Response refused = api.post("/units", STAFF,
                Map.of("id", id, "kind", "BRANCH", "name", "自指党支部", "parentId", id), Map.of());

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("UNIT_UNDER_ITSELF");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertNothingStored(events, id);
        // a top-level committee whose parent is itself: the same answer
        Api.Response top = api.post("/units", STAFF, Map.of("id", id, "kind", "COMMITTEE", "name", "自指党委", "parentId", id), Map.of());
        assertThat(top.status()).as(top.raw().body()).isEqualTo(400);
        assertThat(top.code()).isEqualTo("UNIT_UNDER_ITSELF");
        assertNothingStored(events, id);
    }

    // --- 2 -------------------------------------------------------------------------------------------------------

    @Test
    void aRefusedEstablishPublishesNothingOnTheTopic() throws InterruptedException {
        // this unit's own outbox entries and records: other tests' writers may leave entries of theirs (a writer that lost
        // a race before storing: dropped after dangjian.publication.abandon-after), which say nothing of this one
        String id = newId();
        Api.Response first = api.post("/units", STAFF, Map.of("id", id, "kind", "COMMITTEE", "name", "发布党委"), Map.of());
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        eventually(() -> assertThat(outboxEntriesOf(id)).isZero());
        eventually(() -> assertThat(recordsOf(id)).isEqualTo(1));
        long events = events();

        Api.Response second = api.post("/units", STAFF, Map.of("id", id, "kind", "COMMITTEE", "name", "发布党委"), Map.of());
        assertThat(second.status()).as(second.raw().body()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("UNIT_ALREADY_EXISTS");

        eventually(() -> assertThat(outboxEntriesOf(id)).isZero());
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            assertThat(recordsOf(id)).as("records of %s on %s after a refused establish", id, properties.topic()).isEqualTo(1);
            Thread.sleep(500);
        }
        assertThat(recordsOf(id)).isEqualTo(1);
        assertThat(events()).isEqualTo(events);
    }

    // --- 3 -------------------------------------------------------------------------------------------------------

    @Test
    void anIdempotencyKeyThatIsNotAsciiIsRejectedAndNothingIsStored() {
        String id = newId();
        long events = events();
        Map<String, byte[]> headers = new LinkedHashMap<>(json());
        headers.put("Idempotency-Key", "党".getBytes(StandardCharsets.UTF_8));

        RawHttp.Answer answer = raw.send("POST", "/units", headers,
                ("{\"id\":\"" + id + "\",\"kind\":\"COMMITTEE\",\"name\":\"钥匙党委\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(code(answer)).isEqualTo("REQUEST_REJECTED");
        assertNothingStored(events, id);
    }

    // --- 4 -------------------------------------------------------------------------------------------------------

    @Test
    void readsThatCanNeverBeAnsweredAreRefusedAtOnceInsteadOfWaiting() {
        String unit = api.established(STAFF, "COMMITTEE", "即答党委", null);

        Api.Response notAnId = timed(() -> api.get("/tree?unit=not-a-uuid&minSequence=0", MEMBER));
        assertThat(notAnId.status()).as(notAnId.raw().body()).isEqualTo(400);
        assertThat(notAnId.code()).isEqualTo("INVALID_ID");

        Api.Response unknown = timed(() -> api.get("/units/" + newId() + "/timeline?minSequence=0", MEMBER));
        assertThat(unknown.status()).as(unknown.raw().body()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNIT_NOT_FOUND");

        Api.Response neverStored = timed(() -> api.get("/units/" + unit + "?minSequence=" + Long.MAX_VALUE, MEMBER));
        assertThat(neverStored.status()).as(neverStored.raw().body()).isEqualTo(400);
        assertThat(neverStored.code()).isEqualTo("SEQUENCE_NOT_STORED");

        Api.Response negative = timed(() -> api.get("/units/" + unit + "?minSequence=-1", MEMBER));
        assertThat(negative.status()).as(negative.raw().body()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("INVALID_PARAMETER");
    }

    // --- 5 -------------------------------------------------------------------------------------------------------

    @Test
    void requestBodiesAreReadAsWrittenOrRefusedNeverGuessed() {
        long events = events();

        // an overlong UTF-8 form (C0 AF, "/" in disguise) inside the name
        String overlongId = newId();
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes(("{\"id\":\"" + overlongId + "\",\"kind\":\"COMMITTEE\",\"name\":\"党委").getBytes(StandardCharsets.UTF_8));
        overlong.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        overlong.writeBytes("x\"}".getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer notUtf8 = raw.send("POST", "/units", json(), overlong.toByteArray());
        assertThat(notUtf8.status()).as(notUtf8.text()).isEqualTo(400);
        assertThat(code(notUtf8)).isEqualTo("MALFORMED_REQUEST");
        assertNothingStored(events, overlongId);

        List<Case> cases = List.of(
                new Case("kind as an index", "{\"id\":\"%s\",\"kind\":1,\"name\":\"党委\"}", "kind"),
                new Case("kind as an index in a string", "{\"id\":\"%s\",\"kind\":\"1\",\"name\":\"党委\"}", "kind"),
                new Case("kind padded", "{\"id\":\"%s\",\"kind\":\" PARTY_GROUP\",\"name\":\"党委\"}", "kind"),
                new Case("kind in lower case", "{\"id\":\"%s\",\"kind\":\"committee\",\"name\":\"党委\"}", "kind"),
                new Case("name as an integer", "{\"id\":\"%s\",\"kind\":\"COMMITTEE\",\"name\":123}", "name"),
                new Case("name as a boolean", "{\"id\":\"%s\",\"kind\":\"COMMITTEE\",\"name\":true}", "name"),
                new Case("name as a float", "{\"id\":\"%s\",\"kind\":\"COMMITTEE\",\"name\":1e308}", "name"),
                new Case("name twice", "{\"id\":\"%s\",\"kind\":\"COMMITTEE\",\"name\":\"a\",\"name\":\"b\"}", null),
                new Case("an unknown field", "{\"id\":\"%s\",\"kind\":\"COMMITTEE\",\"name\":\"党委\",\"colour\":\"red\"}", null),
                new Case("a second value", "{\"id\":\"%s\",\"kind\":\"COMMITTEE\",\"name\":\"党委\"} {\"kind\":\"COMMITTEE\",\"name\":\"第二\"}", null));
        for (Case c : cases) {
            String id = newId();
            Api.Response refused = api.post("/units", STAFF, c.body().formatted(id), Map.of());
            assertThat(refused.status()).as(c.what() + ": " + refused.raw().body()).isEqualTo(400);
            assertThat(refused.code()).as(c.what()).isEqualTo("MALFORMED_REQUEST");
            if (c.field() != null) {
                assertThat(refused.body().path("field").asString()).as(c.what()).isEqualTo(c.field());
            }
            assertNothingStored(events, id);
        }
    }

    /** A body the service must refuse as malformed (a {@code %s} for the id), and the field it must name, if any. */
    record Case(String what, String body, String field) {
    }

    @Test
    void numberAndBooleanParametersAreReadAsWrittenOrRefusedNeverGuessed() {
        String existing = api.established(STAFF, "COMMITTEE", "参数党委", null);
        for (String minSequence : List.of("0x10", "0x0", "%2310", "010", "%2B0")) {
            Api.Response answer = api.get("/units/" + existing + "?minSequence=" + minSequence, MEMBER);
            assertThat(answer.status()).as(minSequence + ": " + answer.raw().body()).isEqualTo(400);
            assertThat(answer.code()).as(minSequence).isEqualTo("INVALID_PARAMETER");
        }
        for (String includeDissolved : List.of("yes", "on", "1", "TRUE")) {
            Api.Response answer = api.get("/tree?includeDissolved=" + includeDissolved, MEMBER);
            assertThat(answer.status()).as(includeDissolved + ": " + answer.raw().body()).isEqualTo(400);
            assertThat(answer.code()).as(includeDissolved).isEqualTo("INVALID_PARAMETER");
        }
    }

    // --- 6 -------------------------------------------------------------------------------------------------------

    @Test
    void namesHoldNoControlInvisibleOrBidiCharactersAndTheRefusalNamesTheCharacter() {
        long events = events();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("党\u0000委", "U+0000");
        refused.put("\u001b[31m红色党委", "U+001B");
        refused.put("第一\r\n党委", "U+000D");
        refused.put("党\u0085委", "U+0085");
        refused.put("党委\u202E委党", "U+202E");
        refused.put("\u200b\u200b", "U+200B");
        refused.forEach((name, codePoint) -> {
            String id = newId();
            Api.Response answer = api.post("/units", STAFF, Map.of("id", id, "kind", "COMMITTEE", "name", name), Map.of());
            assertThat(answer.status()).as(codePoint + ": " + answer.raw().body()).isEqualTo(400);
            assertThat(answer.code()).as(codePoint).isEqualTo("INVALID_REQUEST");
            assertThat(answer.body().at("/errors/0/field").asString()).as(codePoint).isEqualTo("name");
            assertThat(answer.body().at("/errors/0/message").asString()).as(codePoint).contains(codePoint);
            assertNothingStored(events, id);
        });

        String spaced = api.established(STAFF, "COMMITTEE", "机关\u3000党委", null);
        assertThat(api.get("/units/" + spaced + "?minSequence=0", MEMBER).body().get("name").asString()).isEqualTo("机关\u3000党委");

        Api.Response twoLines = api.establish(STAFF, "COMMITTEE", "说明党委", null, "第一行\n第二行");
        assertThat(twoLines.status()).as(twoLines.raw().body()).isEqualTo(201);
        JsonNode entry = api.get("/units/" + twoLines.body().get("id").asString() + "/timeline?minSequence=0", MEMBER).body().at("/entries/0");
        assertThat(entry.at("/data/reason").asString()).isEqualTo("第一行\n第二行");

        String decomposed = api.established(STAFF, "COMMITTEE", "A\u030A党委", null);
        assertThat(api.get("/units/" + decomposed + "?minSequence=0", MEMBER).body().get("name").asString()).isEqualTo("\u00C5党委");
    }

    // --- 7 -------------------------------------------------------------------------------------------------------

    @Test
    void anUpperCaseIdNamesTheSameUnitAsItsLowerCaseForm() {
        String lower = newId();
        String upper = lower.toUpperCase(Locale.ROOT);

        Api.Response created = api.post("/units", STAFF, Map.of("id", upper, "kind", "COMMITTEE", "name", "大写党委"), Map.of());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.body().get("id").asString()).isEqualTo(lower);
        assertThat(created.header("Location")).isEqualTo("/units/" + lower);

        Api.Response read = api.get("/units/" + upper + "?minSequence=0", MEMBER);
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(read.body().get("id").asString()).isEqualTo(lower);

        Api.Response renamed = api.post("/units/" + upper + "/rename", STAFF, Map.of("name", "小写党委"), Map.of());
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(renamed.body().get("id").asString()).isEqualTo(lower);
        assertThat(renamed.body().get("sequence").asLong()).isEqualTo(1);
        assertThat(api.get("/units/" + lower + "?minSequence=1", MEMBER).body().get("name").asString()).isEqualTo("小写党委");
    }

    // --- 8 -------------------------------------------------------------------------------------------------------

    @Test
    void lengthsAreCountedInCharactersAsAPersonCountsThem() {
        Api.Response thousand = api.post("/units", STAFF, Map.of("kind", "COMMITTEE", "name", "表情党委", "reason", EMOJI.repeat(1000)), Map.of());
        assertThat(thousand.status()).as(thousand.raw().body()).isEqualTo(201);
        String unit = thousand.body().get("id").asString();
        assertThat(api.get("/units/" + unit + "/timeline?minSequence=0", MEMBER).body().at("/entries/0/data/reason").asString())
                .isEqualTo(EMOJI.repeat(1000));
        Api.Response renamed = api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "表情党委二", "reason", EMOJI.repeat(1000)), Map.of());
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);

        Api.Response hundred = api.post("/units", STAFF, Map.of("kind", "COMMITTEE", "name", "党".repeat(100)), Map.of());
        assertThat(hundred.status()).as(hundred.raw().body()).isEqualTo(201);
        assertThat(api.get("/units/" + hundred.body().get("id").asString() + "?minSequence=0", MEMBER).body().get("name").asString())
                .isEqualTo("党".repeat(100));
        String rare = "\uD840\uDC00".repeat(100); // U+20000, a CJK ideograph outside the basic plane: 100 characters, 200 UTF-16 units
        Api.Response rareName = api.post("/units", STAFF, Map.of("kind", "COMMITTEE", "name", rare), Map.of());
        assertThat(rareName.status()).as(rareName.raw().body()).isEqualTo(201);

        long events = events();
        String longReason = newId();
        Api.Response thousandAndOne = api.post("/units", STAFF,
                Map.of("id", longReason, "kind", "COMMITTEE", "name", "表情党委", "reason", EMOJI.repeat(1001)), Map.of());
        assertThat(thousandAndOne.status()).as(thousandAndOne.raw().body()).isEqualTo(400);
        assertThat(thousandAndOne.code()).isEqualTo("INVALID_REQUEST");
        assertThat(thousandAndOne.body().at("/errors/0/field").asString()).isEqualTo("reason");
        assertNothingStored(events, longReason);

        String longName = newId();
        Api.Response hundredAndOne = api.post("/units", STAFF, Map.of("id", longName, "kind", "COMMITTEE", "name", "党".repeat(101)), Map.of());
        assertThat(hundredAndOne.status()).as(hundredAndOne.raw().body()).isEqualTo(400);
        assertThat(hundredAndOne.code()).isEqualTo("INVALID_REQUEST");
        assertThat(hundredAndOne.body().at("/errors/0/field").asString()).isEqualTo("name");
        assertNothingStored(events, longName);
    }

    // --- 9 -------------------------------------------------------------------------------------------------------

    @Test
    void aTokenIssuedForAnotherAudienceIsNotAccepted() {
        String foreign = TestTokens.issue("dangwei", List.of("COMMITTEE_STAFF"), null, Duration.ofHours(1), List.of("another-app"));
        long events = events();
        String id = newId();

        Api.Response command = api.post("/units", foreign, Map.of("id", id, "kind", "COMMITTEE", "name", "外来党委"), Map.of());
        assertThat(command.status()).as(command.raw().body()).isEqualTo(401);
        assertThat(command.code()).isEqualTo("UNAUTHENTICATED");
        assertNothingStored(events, id);

        Api.Response query = api.get("/tree", foreign);
        assertThat(query.status()).isEqualTo(401);
        assertThat(query.code()).isEqualTo("UNAUTHENTICATED");
    }

    // --- 10 ------------------------------------------------------------------------------------------------------

    @Test
    void theErrorPageAndRequestsTomcatRefusesAnswerProblemJson() {
        Api.Response error = api.get("/error", null);
        assertThat(error.status()).as(error.raw().body()).isEqualTo(404);
        assertThat(error.header("Content-Type")).startsWith("application/problem+json");
        assertThat(error.code()).isEqualTo("NOT_FOUND");

        Map<String, byte[]> headers = Map.of("Authorization", ("Bearer " + MEMBER).getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer operator = raw.send("GET", "/tree?unit[$ne]=x", headers, null);
        assertThat(operator.status()).as(operator.text()).isEqualTo(400);
        assertThat(operator.header("Content-Type")).startsWith("application/problem+json");
        assertThat(code(operator)).isEqualTo("MALFORMED_REQUEST");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** 😀, two UTF-16 units, one character. */
    static final String EMOJI = "\uD83D\uDE00";

    static String newId() {
        return UUID.randomUUID().toString();
    }

    long events() {
        return serviceDatabase.getCollection(EventDocuments.COLLECTION).countDocuments();
    }


    /** The unit is not in the event store (404 at once, not a wait) and the store holds as many events as before. */
    void assertNothingStored(long eventsBefore, String id) {
        Api.Response unit = api.get("/units/" + id + "?minSequence=0", MEMBER);
        assertThat(unit.status()).as(unit.raw().body()).isEqualTo(404);
        assertThat(unit.code()).isEqualTo("UNIT_NOT_FOUND");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    /** The answer, which must come well within the read-your-writes wait (5 s). */
    static Api.Response timed(Supplier<Api.Response> request) {
        long start = System.nanoTime();
        Api.Response answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered at once").isLessThan(Duration.ofSeconds(2));
        return answer;
    }

    static Map<String, byte[]> json() {
        return Map.of("Authorization", ("Bearer " + STAFF).getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
    }

    static String code(RawHttp.Answer answer) {
        return Api.JSON.readTree(answer.text()).path("code").asString();
    }


    /** How many records of this unit were published on the service's topic. */
    long recordsOf(String id) {
        return Topics.records(bootstrapServers, properties.topic()).stream().filter(record -> id.equals(record.subject())).count();
    }

    /** The outbox entries of this unit still waiting. */
    long outboxEntriesOf(String id) {
        return serviceDatabase.getCollection(Outbox.COLLECTION).countDocuments(com.mongodb.client.model.Filters.eq("aggregateId", id));
    }
}
