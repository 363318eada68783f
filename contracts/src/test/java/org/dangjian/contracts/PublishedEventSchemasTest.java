package org.dangjian.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateAttached;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateDetached;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published event serialises to JSON that its schema accepts, and the schemas refuse what the records' rules
 * refuse: a department reading our topics with nothing but the schemas gets the same contract as our own code.
 */
class PublishedEventSchemasTest {

    private static final String UNIT = "7a1e8c3e-2f43-4b7e-9d0f-5d3f4e8a9b10";
    private static final String PARENT = "00000000-0000-4000-8000-000000000001";

    /** Examples of every published event, including every optional field present and absent. */
    private static final Map<Class<? extends Record>, List<Record>> EXAMPLES = Map.of(
            OrganisationUnitEstablished.class, List.of(
                    new OrganisationUnitEstablished(PARENT, OrganisationUnitKind.COMMITTEE, null, "中心党委", null, null),
                    new OrganisationUnitEstablished(UNIT, OrganisationUnitKind.BRANCH, null, "第一党支部", PARENT, "党委会议决定 2022-03"),
                    new OrganisationUnitEstablished(UNIT, OrganisationUnitKind.MASS_ORGANISATION, MassOrganisationType.TRADE_UNION,
                            "中心工会", PARENT, null)),
            OrganisationUnitRenamed.class, List.of(
                    new OrganisationUnitRenamed(UNIT, "第一党支部", "综合服务党支部", "机构调整"),
                    new OrganisationUnitRenamed(UNIT, "第一党支部", "综合服务党支部", null)),
            OrganisationUnitDissolved.class, List.of(
                    new OrganisationUnitDissolved(UNIT, "并入第二党支部"),
                    new OrganisationUnitDissolved(UNIT, null)),
            OrganisationUnitSubordinateAttached.class, List.of(
                    new OrganisationUnitSubordinateAttached(PARENT, UNIT, OrganisationUnitKind.BRANCH)),
            OrganisationUnitSubordinateDetached.class, List.of(
                    new OrganisationUnitSubordinateDetached(PARENT, UNIT)));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyPublishedEventSerialisesToJsonItsSchemaAccepts() {
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(OrganisationEvents.ALL);
        EXAMPLES.forEach((type, examples) -> {
            JsonSchema schema = schemaFor(type);
            for (Record example : examples) {
                Set<ValidationMessage> errors = schema.validate(json.writeValueAsString(example), InputFormat.JSON);
                assertThat(errors).as("%s as %s", example, EventTypes.of(type)).isEmpty();
            }
        });
    }

    @Test
    void absentOptionalFieldsAreLeftOutOfTheJsonRatherThanWrittenAsNull() {
        String written = json.writeValueAsString(new OrganisationUnitDissolved(UNIT, null));
        assertThat(written).isEqualTo("{\"unitId\":\"" + UNIT + "\"}");
    }

    @Test
    void schemasRefuseWhatTheContractForbids() {
        JsonSchema established = schemaFor(OrganisationUnitEstablished.class);
        assertThat(established.validate("{\"unitId\":\"" + UNIT + "\",\"kind\":\"MASS_ORGANISATION\",\"name\":\"工会\",\"parentId\":\""
                + PARENT + "\"}", InputFormat.JSON)).as("a mass organisation needs its type").isNotEmpty();
        assertThat(established.validate("{\"unitId\":\"" + UNIT + "\",\"kind\":\"BRANCH\",\"name\":\"第一党支部\"}", InputFormat.JSON))
                .as("a branch needs a parent").isNotEmpty();
        assertThat(established.validate("{\"unitId\":\"" + UNIT + "\",\"kind\":\"TEAM\",\"name\":\"x\",\"parentId\":\"" + PARENT + "\"}",
                InputFormat.JSON)).as("unknown kinds are refused").isNotEmpty();
        assertThat(schemaFor(OrganisationUnitRenamed.class).validate("{\"unitId\":\"" + UNIT + "\",\"name\":\"x\",\"extra\":1}",
                InputFormat.JSON)).as("unknown fields and missing required ones are refused").isNotEmpty();
        assertThat(schemaFor(OrganisationUnitSubordinateAttached.class).validate("{\"unitId\":\"" + PARENT + "\",\"subordinateId\":\""
                + UNIT + "\"}", InputFormat.JSON)).as("the subordinate's kind is required").isNotEmpty();
    }

    @Test
    void typeNamesAreStableVersionedAndUniqueWithOneSchemaFileEach() throws IOException, URISyntaxException {
        Set<String> types = OrganisationEvents.ALL.stream().map(EventTypes::of).collect(Collectors.toSet());
        assertThat(types).hasSize(OrganisationEvents.ALL.size())
                .allMatch(t -> t.matches("org\\.dangjian\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*"), "org.dangjian.<service>.<Event>.v<n>");
        Path dir = Path.of(getClass().getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> schemaTypes = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).collect(Collectors.toSet());
            assertThat(schemaTypes).containsExactlyInAnyOrderElementsOf(types);
        }
        for (Class<? extends Record> type : OrganisationEvents.ALL) {
            assertThat(json.readTree(resource(type)).get("$id").asString()).isEqualTo("urn:dangjian:schema:" + EventTypes.of(type));
        }
    }

    @Test
    void theAsyncApiDocumentNamesEveryPublishedEventAndItsSchema() throws IOException {
        String asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/organisation.yaml")) {
            assertThat(in).as("asyncapi/organisation.yaml").isNotNull();
            asyncApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(asyncApi).contains("address: " + OrganisationEvents.TOPIC).contains("ce_source: { const: " + OrganisationEvents.SOURCE + " }");
        for (Class<? extends Record> type : OrganisationEvents.ALL) {
            assertThat(asyncApi).contains("name: " + EventTypes.of(type)).contains("../schemas/" + EventTypes.of(type) + ".json");
        }
    }

    private static JsonSchema schemaFor(Class<?> type) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource(type), config);
    }

    private static InputStream resource(Class<?> type) {
        InputStream in = PublishedEventSchemasTest.class.getResourceAsStream("/schemas/" + EventTypes.of(type) + ".json");
        assertThat(in).as("schema of " + EventTypes.of(type)).isNotNull();
        return in;
    }
}
