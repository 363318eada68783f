package org.dangjian.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dangjian.example.ExampleEvents;
import org.dangjian.example.UnitLedV2;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Versions and upcasters (docs/event-store.md): every type ever published has stored samples, bodies as the store kept
 * them, which its schema accepts; a type's version 2 comes with an upcaster from version 1 (and so on), and every
 * stored sample of an older version, upcast, is accepted by the newest version's schema. No type has a version 2
 * today, so the mechanism is also proved on a made-up, test-only type ({@code org.dangjian.example}).
 */
class VersionsAndUpcastersTest {

    /** Set on the command line to store a sample of every published type that has none, from PublishedEventSchemasTest's examples. */
    static final String WRITE = "dangjian.samples.write";
    static final String WRITE_COMMAND = "./mvnw -o test -pl contracts -Dtest=VersionsAndUpcastersTest -D" + WRITE + "=true";

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path PUBLISHED = Path.of("published");
    private static final Path SAMPLES = Path.of("samples");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Path EXAMPLE = Path.of("src/test/resources/upcasting-example");
    private static final String V1 = "org.dangjian.example.UnitLed.v1";
    private static final String V2 = "org.dangjian.example.UnitLed.v2";

    /** The real language: every schema there is, and every type ever published. */
    private static PublishedVersions language() throws IOException {
        Set<String> types = new TreeSet<>(PublishedVersions.typesOfSchemas(SCHEMAS));
        try (Stream<Path> published = Files.list(PUBLISHED)) {
            published.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(types::add);
        }
        return new PublishedVersions(SCHEMAS, SAMPLES, types, PublishedLanguage.upcasters());
    }

    private static PublishedVersions example(Upcasters upcasters) {
        return new PublishedVersions(EXAMPLE.resolve("schemas"), EXAMPLE.resolve("samples"), PublishedVersions.typesOfSchemas(EXAMPLE.resolve("schemas")),
                upcasters);
    }

    // the real language

    @Test
    void everyPublishedTypeHasAStoredSampleThatItsSchemaAccepts() throws IOException {
        PublishedVersions language = language();
        if (Boolean.getBoolean(WRITE)) {
            writeMissingSamples(language);
        }
        assertThat(language.sampleProblems()).as("stored samples (a new type: add its examples to PublishedEventSchemasTest, then run "
                + WRITE_COMMAND + " once; a stored sample is never changed afterwards)").isEmpty();
    }

    @Test
    void everyOlderVersionOfATypeUpcastsToItsNewestAndTheNewestSchemaAcceptsItsSamples() throws IOException {
        assertThat(language().upcastingProblems()).as("a type's version n+1 comes with an upcaster from version n, listed in its"
                + " service's *Events class as UPCASTERS").isEmpty();
    }

    @Test
    void everyPublishedEventRecordIsListedByExactlyOneServiceFoundOnTheClassPath() {
        List<Class<? extends Record>> listed = PublishedLanguage.events();
        assertThat(PublishedLanguage.services()).extracting(PublishedLanguage.Service::name)
                .contains("activities", "audit", "discipline", "members", "organisation");
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(SchemasMatchRecordsTest.publishedEvents().stream()
                .map(c -> c.asSubclass(Record.class)).toList());
    }

    // the mechanism, on the test-only type

    @Test
    void theExampleV1SamplesUpcastToV2AndReadAsTheV2Record() {
        PublishedVersions example = example(new Upcasters(ExampleEvents.UPCASTERS));
        assertThat(example.types()).containsExactly(V1, V2);
        assertThat(example.sampleProblems()).isEmpty();
        assertThat(example.upcastingProblems()).isEmpty();

        Path sample = example.samplesOf(V1).get(0);
        ObjectNode stored = (ObjectNode) PublishedVersions.tree(sample);
        ObjectNode upcast = example.upcasters().upcast(V1, stored, V2);
        assertThat(upcast.toString()).isEqualTo("{\"unitId\":\"7a1e8c3e-2f43-4b7e-9d0f-5d3f4e8a9b10\",\"since\":\"2024-03-01\",\"leaders\":[\"王建华\"]}");
        assertThat(stored).as("the stored body is left as it is").isEqualTo(PublishedVersions.tree(sample));
        UnitLedV2 read = JSON.treeToValue(upcast, UnitLedV2.class);
        assertThat(read.leaders()).containsExactly("王建华");
        assertThat(EventTypes.of(UnitLedV2.class)).isEqualTo(V2);
    }

    @Test
    void aV2WithoutItsUpcasterFailsNamingTheVersionThatCannotBeRead() {
        assertThat(example(new Upcasters(List.of())).upcastingProblems()).singleElement().asString()
                .startsWith(V1 + ": no way to read it as " + V2).contains("No upcaster from " + V1);
    }

    @Test
    void anUpcasterWhoseResultTheNewSchemaRefusesFailsNamingTheSample() {
        Upcaster forgetful = Upcaster.of(V1, body -> body.put("leaders", "王建华")); // a string, not a list, and leader kept
        List<String> problems = example(new Upcasters(List.of(forgetful))).upcastingProblems();
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains(V1).contains("upcast to " + V2).contains("schema refuses"));
    }

    @Test
    void aMissingVersionOrAStoredSampleItsSchemaRefusesFails() throws IOException {
        PublishedVersions skipping = new PublishedVersions(EXAMPLE.resolve("schemas"), EXAMPLE.resolve("samples"),
                Set.of(V2, "org.dangjian.example.UnitLed.v3"), new Upcasters(ExampleEvents.UPCASTERS));
        assertThat(skipping.upcastingProblems()).anySatisfy(p -> assertThat(p).startsWith(V1 + ": missing"));

        Path samples = Files.createTempDirectory("samples");
        Files.createDirectories(samples.resolve(V1));
        Files.writeString(samples.resolve(V1).resolve("1.json"), "{\"unitId\":\"x\",\"leader\":\"王建华\"}", StandardCharsets.UTF_8);
        PublishedVersions badSample = new PublishedVersions(EXAMPLE.resolve("schemas"), samples, Set.of(V1, V2),
                new Upcasters(ExampleEvents.UPCASTERS));
        assertThat(badSample.sampleProblems()).anySatisfy(p -> assertThat(p).contains("1.json: its schema refuses it"))
                .anySatisfy(p -> assertThat(p).startsWith(V2 + ": no stored sample"));
    }

    @Test
    void upcastersGoOneVersionUpTheSameTypeAndOneFromEachVersion() {
        Upcaster skipping = new Upcaster() {
            @Override
            public String fromType() {
                return V1;
            }

            @Override
            public String toType() {
                return "org.dangjian.example.UnitLed.v3";
            }

            @Override
            public ObjectNode upcast(ObjectNode body) {
                return body;
            }
        };
        assertThatThrownBy(() -> new Upcasters(List.of(skipping))).hasMessageContaining("to the next one of the same type");
        assertThatThrownBy(() -> new Upcasters(List.of(Upcaster.of(V1, b -> b), Upcaster.of(V1, b -> b)))).hasMessageContaining("Two upcasters from " + V1);
        assertThat(Upcaster.of(V1, b -> b).toType()).isEqualTo(V2);
        Upcasters none = new Upcasters(List.of());
        assertThat(none.chain(V1, V1)).isEmpty();
        assertThatThrownBy(() -> none.chain(V2, V1)).hasMessageContaining("later version");
    }

    /** Stores, for each type without samples, PublishedEventSchemasTest's examples of its record as it serialises them. */
    private static void writeMissingSamples(PublishedVersions language) throws IOException {
        List<String> written = new ArrayList<>();
        for (var entry : PublishedEventSchemasTest.EXAMPLES.entrySet()) {
            String type = EventTypes.of(entry.getKey());
            if (!language.types().contains(type) || !language.samplesOf(type).isEmpty()) {
                continue;
            }
            Path dir = SAMPLES.resolve(type);
            Files.createDirectories(dir);
            int n = 0;
            for (Record example : entry.getValue()) {
                Files.writeString(dir.resolve(++n + ".json"), JSON.writeValueAsString(example), StandardCharsets.UTF_8);
            }
            written.add(type + " (" + n + ")");
        }
        System.out.println("stored samples of " + written.stream().sorted().collect(Collectors.joining(", ")));
    }
}
