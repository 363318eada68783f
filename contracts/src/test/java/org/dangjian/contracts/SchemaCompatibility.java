package org.dangjian.contracts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The compatibility gate of the published language: whether a newer JSON Schema of an event type still accepts every
 * document an older one accepted, so that a consumer reading with the newer one reads all data published under the
 * older (a schema registry's BACKWARD rule; checked against every earlier published version it is BACKWARD_TRANSITIVE).
 * It knows the keywords the platform's schemas use (docs/event-store.md, "Compatibility of the published language"):
 * <ul>
 *   <li>a property required now that an older version did not require breaks (older data may lack it);</li>
 *   <li>a property of an older version that is gone while the schema refuses unknown properties
 *       ({@code additionalProperties: false}) breaks (older data carries it); a property added to such a closed
 *       schema, and not required, passes (older data never has it);</li>
 *   <li>a property's accepted values may only widen: its {@code type} (an integer may become a number), its
 *       {@code enum} (values may be added, not removed), {@code const}, {@code format}, {@code pattern},
 *       {@code multipleOf} and {@code uniqueItems} (may be dropped, not added or changed), lower bounds ({@code minLength},
 *       {@code minimum}, {@code exclusiveMinimum}, {@code minItems}) that may only fall, upper bounds that may only
 *       rise, {@code items} and nested objects by the same rules;</li>
 *   <li>a schema that stops accepting unknown properties breaks;</li>
 *   <li>conditional rules ({@code oneOf}, {@code anyOf}, {@code allOf}, {@code not}, {@code if}/{@code then}/{@code else})
 *       may be dropped; added or changed, they cannot be proved to accept what they accepted and break (publish a new
 *       version of the type instead, with an upcaster);</li>
 *   <li>annotations ({@code title}, {@code description}, {@code $id}, {@code $schema}, {@code $comment},
 *       {@code examples}, {@code default}, {@code deprecated}) are free; any other keyword that changes breaks.</li>
 * </ul>
 * Written here because the registries' own checkers are not usable in this build (Confluent's is not on Maven
 * Central; Apicurio's JSON Schema utilities do not resolve with their dependencies here).
 */
final class SchemaCompatibility {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$id", "$schema", "$comment", "examples", "default",
            "deprecated");
    private static final Set<String> CONDITIONS = Set.of("oneOf", "anyOf", "allOf", "not", "if", "then", "else");
    private static final Set<String> LOWER_BOUNDS = Set.of("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties");
    private static final Set<String> UPPER_BOUNDS = Set.of("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties");
    private static final Set<String> NARROWING_ONLY = Set.of("const", "format", "pattern", "multipleOf");
    private static final Set<String> HANDLED = Set.of("type", "enum", "uniqueItems", "items", "properties", "required", "additionalProperties");
    private static final JsonNode ANYTHING = JsonNodeFactory.instance.objectNode();

    private SchemaCompatibility() {
    }

    /** What in {@code newer} refuses a document {@code older} accepts, each naming the field and the rule; empty: compatible. */
    static List<String> backwardBreaks(JsonNode older, JsonNode newer) {
        List<String> breaks = new ArrayList<>();
        compare("", older, newer, breaks);
        return breaks;
    }

    private static void compare(String path, JsonNode older, JsonNode newer, List<String> breaks) {
        if (older.equals(newer)) {
            return;
        }
        String at = path.isEmpty() ? "the event" : "field '" + path + "'";
        Set<String> keywords = new LinkedHashSet<>(newer.propertyNames());
        keywords.addAll(older.propertyNames());
        for (String keyword : keywords) {
            JsonNode was = older.get(keyword);
            JsonNode now = newer.get(keyword);
            if (ANNOTATIONS.contains(keyword) || HANDLED.contains(keyword) || now == null || now.equals(was)) {
                continue; // an annotation, compared below, dropped (which widens), or unchanged
            }
            if (CONDITIONS.contains(keyword)) {
                breaks.add(at + ": its '" + keyword + "' rule was " + (was == null ? "added" : "changed") + " (a conditional rule cannot be"
                        + " proved to accept what it accepted)");
            } else if (LOWER_BOUNDS.contains(keyword)) {
                if (was == null || decimal(now).compareTo(decimal(was)) > 0) {
                    breaks.add(at + ": " + keyword + " " + (was == null ? "added (" + now + ")" : "raised from " + was + " to " + now));
                }
            } else if (UPPER_BOUNDS.contains(keyword)) {
                if (was == null || decimal(now).compareTo(decimal(was)) < 0) {
                    breaks.add(at + ": " + keyword + " " + (was == null ? "added (" + now + ")" : "lowered from " + was + " to " + now));
                }
            } else if (keyword.equals("multipleOf") && was != null && decimal(was).remainder(decimal(now)).signum() == 0) {
                continue; // a divisor of the old step accepts every multiple of it
            } else if (NARROWING_ONLY.contains(keyword)) {
                breaks.add(at + ": " + keyword + " " + (was == null ? "added (" + now + ")" : "changed from " + was + " to " + now));
            } else {
                breaks.add(at + ": keyword '" + keyword + "' " + (was == null ? "added" : "changed") + " (not one this check can prove widening)");
            }
        }
        types(at, older, newer, breaks);
        enums(at, older, newer, breaks);
        if (newer.path("uniqueItems").asBoolean(false) && !older.path("uniqueItems").asBoolean(false)) {
            breaks.add(at + ": uniqueItems added");
        }
        if (newer.has("items")) {
            compare(path + "[]", older.has("items") ? older.get("items") : ANYTHING, newer.get("items"), breaks);
        }
        objects(path, at, older, newer, breaks);
    }

    private static void types(String at, JsonNode older, JsonNode newer, List<String> breaks) {
        Set<String> now = typesOf(newer);
        if (now == null) {
            return; // any type
        }
        Set<String> was = typesOf(older);
        if (was == null) {
            if (!older.has("enum") && !older.has("const")) {
                breaks.add(at + ": type " + now + " added (any type was accepted)");
            }
            return;
        }
        for (String type : was) {
            if (!now.contains(type) && !(type.equals("integer") && now.contains("number"))) {
                breaks.add(at + ": type narrowed from " + was + " to " + now + " (" + type + " no longer accepted)");
            }
        }
    }

    private static Set<String> typesOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static void enums(String at, JsonNode older, JsonNode newer, List<String> breaks) {
        JsonNode now = newer.get("enum");
        if (now == null) {
            return;
        }
        JsonNode was = older.get("enum");
        if (was == null) {
            breaks.add(at + ": enum added (" + now + "); any value of its type was accepted");
            return;
        }
        List<String> removed = new ArrayList<>();
        for (JsonNode value : was) {
            boolean kept = false;
            for (JsonNode candidate : now) {
                kept |= candidate.equals(value);
            }
            if (!kept) {
                removed.add(value.toString());
            }
        }
        if (!removed.isEmpty()) {
            breaks.add(at + ": enum values removed " + removed);
        }
    }

    private static void objects(String path, String at, JsonNode older, JsonNode newer, List<String> breaks) {
        Set<String> requiredBefore = names(older.get("required"));
        for (String name : names(newer.get("required"))) {
            if (!requiredBefore.contains(name)) {
                breaks.add(field(path, name) + ": required now, and data published before may lack it");
            }
        }
        boolean closedNow = newer.has("additionalProperties") && newer.get("additionalProperties").isBoolean()
                && !newer.get("additionalProperties").asBoolean();
        boolean closedBefore = older.has("additionalProperties") && older.get("additionalProperties").isBoolean()
                && !older.get("additionalProperties").asBoolean();
        if (closedNow && !closedBefore) {
            breaks.add(at + ": additionalProperties false added; unknown properties were accepted");
        }
        JsonNode propertiesBefore = older.path("properties");
        JsonNode propertiesNow = newer.path("properties");
        for (String name : propertiesBefore.propertyNames()) {
            if (propertiesNow.has(name)) {
                compare(path.isEmpty() ? name : path + "." + name, propertiesBefore.get(name), propertiesNow.get(name), breaks);
            } else if (closedNow) {
                breaks.add(field(path, name) + ": removed, and data published before carries it (the schema refuses unknown properties)");
            }
        }
        if (!closedBefore) {
            for (String name : propertiesNow.propertyNames()) {
                if (!propertiesBefore.has(name)) {
                    compare(path.isEmpty() ? name : path + "." + name, ANYTHING, propertiesNow.get(name), breaks);
                }
            }
        }
    }

    private static String field(String path, String name) {
        return "field '" + (path.isEmpty() ? name : path + "." + name) + "'";
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(n -> names.add(n.asString()));
        }
        return names;
    }

    private static BigDecimal decimal(JsonNode number) {
        return number.decimalValue();
    }
}
