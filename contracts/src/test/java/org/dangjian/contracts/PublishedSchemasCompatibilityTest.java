package org.dangjian.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The build's compatibility gate (docs/event-store.md, "Compatibility of the published language"): every event type's schema accepts what each of its
 * earlier published versions, kept in {@code contracts/published/<type>/<n>.json}, accepted (BACKWARD_TRANSITIVE);
 * every schema as it is now is kept as its type's latest published version; no published type disappears. Then the
 * rules themselves, on schemas changed on purpose.
 */
class PublishedSchemasCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path PUBLISHED = Path.of("published");

    @Test
    void everySchemaAcceptsWhatEveryEarlierPublishedVersionOfItsTypeAccepted() throws IOException {
        Map<String, List<String>> breaks = new LinkedHashMap<>();
        for (Path schema : schemas()) {
            String type = typeOf(schema);
            JsonNode now = JSON.readTree(schema.toFile());
            for (Path version : publishedVersions(type)) {
                List<String> found = SchemaCompatibility.backwardBreaks(JSON.readTree(version.toFile()), now);
                if (!found.isEmpty()) {
                    breaks.put(type + " against published version " + version.getFileName(), found);
                }
            }
        }
        assertThat(breaks).as("schema changes that break consumers of data already published (publish a new version of the type,"
                + " ….v<n+1>, with an upcaster, instead)").isEmpty();
    }

    @Test
    void everySchemaIsKeptAsItsTypesLatestPublishedVersion() throws IOException {
        List<String> unkept = new ArrayList<>();
        for (Path schema : schemas()) {
            String type = typeOf(schema);
            List<Path> versions = publishedVersions(type);
            if (versions.isEmpty() || !JSON.readTree(versions.get(versions.size() - 1).toFile()).equals(JSON.readTree(schema.toFile()))) {
                unkept.add("cp contracts/" + SCHEMAS + "/" + schema.getFileName() + " contracts/" + PUBLISHED + "/" + type + "/"
                        + (versions.size() + 1) + ".json");
            }
        }
        assertThat(unkept).as("schemas changed (compatibly) or added since they were last kept as published; keep them").isEmpty();
    }

    @Test
    void aPublishedTypeKeepsItsSchema() throws IOException {
        try (Stream<Path> types = Files.list(PUBLISHED)) {
            assertThat(types.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .as("published event types (a type once published is never withdrawn)")
                    .allMatch(type -> Files.exists(SCHEMAS.resolve(type + ".json")));
        }
    }

    // the rules, on a published schema changed on purpose

    private static ObjectNode activityScheduled() throws IOException {
        return (ObjectNode) JSON.readTree(SCHEMAS.resolve("org.dangjian.activities.ActivityScheduled.v1.json").toFile());
    }

    @Test
    void removingARequiredFieldBreaksAndSaysWhich() throws IOException {
        ObjectNode newer = activityScheduled();
        ((ObjectNode) newer.get("properties")).remove("topic");
        newer.set("required", JSON.valueToTree(List.of("activityId", "branchId", "kind", "plannedDate")));

        assertThat(SchemaCompatibility.backwardBreaks(activityScheduled(), newer)).singleElement().asString()
                .contains("field 'topic'").contains("removed");
    }

    @Test
    void narrowingATypeBreaksAndSaysWhat() throws IOException {
        ObjectNode newer = activityScheduled();
        ObjectNode topic = (ObjectNode) newer.get("properties").get("topic");
        topic.put("type", "integer");
        topic.remove(List.of("minLength", "maxLength"));
        ObjectNode place = (ObjectNode) newer.get("properties").get("place");
        place.put("maxLength", 100);
        ObjectNode kind = (ObjectNode) newer.get("properties").get("kind");
        kind.set("enum", JSON.valueToTree(List.of("BRANCH_GENERAL_MEETING", "PARTY_LESSON")));
        ObjectNode plannedDate = (ObjectNode) newer.get("properties").get("plannedDate");
        plannedDate.put("format", "date-time");

        assertThat(SchemaCompatibility.backwardBreaks(activityScheduled(), newer)).containsExactlyInAnyOrder(
                "field 'topic': type narrowed from [string] to [integer] (string no longer accepted)",
                "field 'place': maxLength lowered from 200 to 100",
                "field 'kind': enum values removed [\"BRANCH_COMMITTEE_MEETING\", \"PARTY_GROUP_MEETING\", \"THEME_PARTY_DAY\", "
                        + "\"ORGANISATIONAL_LIFE_MEETING\", \"DEMOCRATIC_LIFE_MEETING\", \"HEART_TO_HEART_TALK\"]",
                "field 'plannedDate': format changed from \"date\" to \"date-time\"");
    }

    @Test
    void requiringAFieldThatWasOptionalBreaks() throws IOException {
        ObjectNode newer = activityScheduled();
        newer.withArray("required").add("place");

        assertThat(SchemaCompatibility.backwardBreaks(activityScheduled(), newer))
                .containsExactly("field 'place': required now, and data published before may lack it");
    }

    @Test
    void addingAnOptionalFieldOrWideningOnePasses() throws IOException {
        ObjectNode newer = activityScheduled();
        ObjectNode note = JSON.createObjectNode().put("type", "string").put("maxLength", 500);
        ((ObjectNode) newer.get("properties")).set("note", note);
        ((ObjectNode) newer.get("properties").get("topic")).put("maxLength", 400).put("description", "主题, longer now");
        ((ObjectNode) newer.get("properties").get("kind")).withArray("enum").add("STUDY_SESSION");
        newer.put("description", "A branch scheduled an activity for a day (described again).");

        assertThat(SchemaCompatibility.backwardBreaks(activityScheduled(), newer)).isEmpty();
    }

    @Test
    void aConditionalRuleAddedOrChangedBreaksAndOneDroppedPasses() throws IOException {
        ObjectNode older = (ObjectNode) JSON.readTree(SCHEMAS.resolve("org.dangjian.organisation.OrganisationUnitEstablished.v1.json").toFile());
        ObjectNode dropped = older.deepCopy();
        dropped.remove("allOf");
        ObjectNode changed = older.deepCopy();
        ((ObjectNode) changed.withArray("allOf").get(1)).set("else", JSON.createObjectNode().set("required", JSON.valueToTree(List.of("reason"))));

        assertThat(SchemaCompatibility.backwardBreaks(older, dropped)).isEmpty();
        assertThat(SchemaCompatibility.backwardBreaks(older, changed)).singleElement().asString().contains("'allOf' rule was changed");
    }

    private static List<Path> schemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String typeOf(Path schema) {
        return schema.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** The type's published versions in order (1.json, 2.json, …); none when it was never published. */
    private static List<Path> publishedVersions(String type) throws IOException {
        Path dir = PUBLISHED.resolve(type);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("[1-9][0-9]*\\.json"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replace(".json", "")))).toList();
        }
    }
}
