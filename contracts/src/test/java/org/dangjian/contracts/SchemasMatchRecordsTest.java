package org.dangjian.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas in {@code contracts} are written by hand for other departments to read, and the records are what
 * the code publishes: this test holds them together, for every {@link EventType} record there is (found on the class
 * path, so a new service's events are checked without being listed here). Each record has exactly one schema; the
 * schema names exactly the record's fields, with matching kinds, requires every primitive one, and allows nothing
 * else.
 */
class SchemasMatchRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Class<?>> publishedEvents() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true; // records are final: the default check refuses nothing that matters here
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        List<Class<?>> events = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.dangjian.contracts")) {
            try {
                events.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }

    @Test
    void everyPublishedEventIsARecordWithOneSchemaAndEverySchemaHasItsRecord() throws IOException, URISyntaxException {
        List<Class<?>> events = publishedEvents();
        assertThat(events).as("the scan finds the published events").isNotEmpty().allMatch(Class::isRecord);
        Set<String> types = events.stream().map(EventTypes::of).collect(Collectors.toSet());
        Path dir = Path.of(getClass().getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(types);
        }
    }

    @Test
    void everySchemaNamesExactlyItsRecordsFieldsWithMatchingKinds() {
        for (Class<?> event : publishedEvents()) {
            JsonNode schema = schemaOf(event);
            String type = EventTypes.of(event);
            assertThat(schema.path("$id").asString()).as(type).isEqualTo("urn:dangjian:schema:" + type);
            assertThat(schema.path("type").asString()).as(type).isEqualTo("object");
            assertThat(schema.path("additionalProperties").asBoolean(true)).as("%s allows nothing the record does not have", type).isFalse();
            RecordComponent[] components = event.getRecordComponents();
            Set<String> fields = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(names(schema.path("properties").propertyNames())).as("%s names exactly the record's fields", type)
                    .containsExactlyInAnyOrderElementsOf(fields);
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(node -> required.add(node.asString()));
            assertThat(fields).as("%s requires only fields the record has", type).containsAll(required);
            for (RecordComponent component : components) {
                JsonNode property = schema.path("properties").path(component.getName());
                assertKind(type + "." + component.getName(), component.getGenericType(), property);
                if (component.getType().isPrimitive()) {
                    assertThat(required).as("%s.%s is primitive, so always present: required", type, component.getName())
                            .contains(component.getName());
                }
            }
        }
    }

    private static void assertKind(String what, Type javaType, JsonNode property) {
        Class<?> raw = javaType instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) javaType;
        if (raw.isEnum()) {
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet());
            Set<String> listed = new HashSet<>();
            property.path("enum").forEach(node -> listed.add(node.asString()));
            assertThat(listed).as("%s lists the enum's constants", what).isEqualTo(constants);
        } else if (raw == String.class) {
            assertThat(property.path("type").asString()).as(what).isEqualTo("string");
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            assertThat(property.path("format").asString()).as(what).isEqualTo("date-time");
        } else if (raw == LocalDate.class) {
            assertThat(property.path("format").asString()).as(what).isEqualTo("date");
        } else if (List.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class, BigInteger.class).contains(raw)) {
            assertThat(property.path("type").asString()).as(what).isEqualTo("integer");
        } else if (List.of(double.class, float.class, Double.class, Float.class, BigDecimal.class).contains(raw)) {
            assertThat(property.path("type").asString()).as(what).isEqualTo("number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            assertThat(property.path("type").asString()).as(what).isEqualTo("boolean");
        } else if (Collection.class.isAssignableFrom(raw)) {
            assertThat(property.path("type").asString()).as(what).isEqualTo("array");
        } else {
            assertThat(property.path("type").asString()).as(what).isEqualTo("object");
        }
    }

    private static JsonNode schemaOf(Class<?> event) {
        try (InputStream in = SchemasMatchRecordsTest.class.getResourceAsStream("/schemas/" + EventTypes.of(event) + ".json")) {
            assertThat(in).as("schema of %s", EventTypes.of(event)).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(Collection<String> names) {
        return new HashSet<>(names);
    }
}
