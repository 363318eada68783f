package org.dangjian.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks of versions, samples and upcasters, over a published language laid out as {@code contracts} is: a JSON
 * Schema per type in {@code schemas/<type>.json}, stored samples of each type in {@code samples/<type>/<n>.json}
 * (bodies as they were stored), and the upcasters. Used on the real language and on the test-only example.
 *
 * @param schemas  the directory of schemas
 * @param samples  the directory of samples
 * @param types    every type that was ever published
 * @param upcasters the upcasters
 */
record PublishedVersions(Path schemas, Path samples, Set<String> types, Upcasters upcasters) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every type that has no stored sample, or a sample its schema refuses. */
    List<String> sampleProblems() {
        List<String> problems = new ArrayList<>();
        for (String type : new TreeSet<>(types)) {
            List<Path> stored = samplesOf(type);
            if (stored.isEmpty()) {
                problems.add(type + ": no stored sample in " + samples.resolve(type));
            }
            for (Path sample : stored) {
                Set<ValidationMessage> errors = schema(type).validate(read(sample), InputFormat.JSON);
                if (!errors.isEmpty()) {
                    problems.add(sample + ": its schema refuses it: " + errors);
                }
            }
        }
        return problems;
    }

    /**
     * For every type with a version above 1: versions 1 to the newest all published, an upcaster chain from each older
     * version to the newest, and each stored sample of an older version, upcast, accepted by the newest schema. No
     * upcaster from or to a type that was not published.
     */
    List<String> upcastingProblems() {
        List<String> problems = new ArrayList<>();
        SortedMap<String, TreeSet<Integer>> versions = new TreeMap<>();
        for (String type : types) {
            versions.computeIfAbsent(EventTypes.unversioned(type), t -> new TreeSet<>()).add(EventTypes.versionOf(type));
        }
        for (Map.Entry<String, TreeSet<Integer>> entry : versions.entrySet()) {
            int newest = entry.getValue().last();
            String newestType = entry.getKey() + ".v" + newest;
            for (int version = 1; version < newest; version++) {
                String older = entry.getKey() + ".v" + version;
                if (!entry.getValue().contains(version)) {
                    problems.add(older + ": missing, yet " + newestType + " is published (versions go 1, 2, 3, …)");
                    continue;
                }
                try {
                    upcasters.chain(older, newestType);
                } catch (IllegalStateException e) {
                    problems.add(older + ": no way to read it as " + newestType + ": " + e.getMessage());
                    continue;
                }
                for (Path sample : samplesOf(older)) {
                    String upcast;
                    try {
                        upcast = upcasters.upcast(older, (ObjectNode) JSON.readTree(read(sample)), newestType).toString();
                    } catch (RuntimeException e) {
                        problems.add(sample + ": upcasting it to " + newestType + " failed: " + e);
                        continue;
                    }
                    Set<ValidationMessage> errors = schema(newestType).validate(upcast, InputFormat.JSON);
                    if (!errors.isEmpty()) {
                        problems.add(sample + ", upcast to " + newestType + " (" + upcast + "): its schema refuses it: " + errors);
                    }
                }
            }
        }
        for (String type : new TreeSet<>(types)) {
            upcasters.from(type).filter(u -> !types.contains(u.toType()))
                    .ifPresent(u -> problems.add(u + ": " + u.toType() + " is not published"));
        }
        return problems;
    }

    /** The stored samples of the type, in order. */
    List<Path> samplesOf(String type) {
        Path dir = samples.resolve(type);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("[1-9][0-9]*\\.json"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replace(".json", "")))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonSchema schema(String type) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(schemas.resolve(type + ".json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Path file) {
        return JSON.readTree(read(file));
    }

    /** The types of the schema files in a directory. */
    static Set<String> typesOfSchemas(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
