package org.dangjian.audit.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which records are subjects of an audit (an assessment, an evaluation, an inspection …) and what every event names:
 * data, not code ({@code dangjian/audit-subjects.json}, or the file {@code dangjian.audit.subjects-file}). A new
 * assessment type joins by a new entry: the event type that opens it, optionally a condition on its fields, the
 * fields that name the member and the organisation unit, and its label.
 *
 * <ul>
 *   <li>{@code subjects[]}: {@code kind}, {@code title}, {@code titleEn}, {@code openedBy} (an event type without its
 *   version), {@code when} (field → accepted values, all must hold), {@code part} (a field that tells this subject's
 *   events apart within a longer stream, e.g. the number of a cadre assessment in a member's record), {@code member},
 *   {@code unit} (fields of the opening event), {@code label} (fields shown with it).</li>
 *   <li>{@code references}: the field names by which any event names a member or an organisation unit (a string, or
 *   a list of strings, at the top level or in a list of objects).</li>
 *   <li>{@code streams}: the aggregate types whose stream is a member's or a unit's own record.</li>
 *   <li>{@code reasons}: the fields, in order, that hold an event's reason or basis.</li>
 * </ul>
 */
public final class SubjectRules {

    /** One kind of subject. */
    public record Rule(String kind, String title, String titleEn, String openedBy, Map<String, Set<String>> when, String part, String member,
                       String unit, List<String> label) {

        boolean opens(String unversionedType, JsonNode data) {
            if (!openedBy.equals(unversionedType)) {
                return false;
            }
            for (Map.Entry<String, Set<String>> condition : when.entrySet()) {
                JsonNode value = data.path(condition.getKey());
                if (!value.isValueNode() || !condition.getValue().contains(value.asString())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String version;
    private final List<Rule> rules;
    private final Set<String> memberFields;
    private final Set<String> unitFields;
    private final Set<String> memberStreams;
    private final Set<String> unitStreams;
    private final List<String> reasonFields;
    private final Set<String> partFields;

    private SubjectRules(JsonNode root) {
        this.version = text(root, "version");
        List<Rule> list = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (JsonNode node : root.path("subjects")) {
            Map<String, Set<String>> when = new java.util.LinkedHashMap<>();
            node.path("when").properties().forEach(e -> when.put(e.getKey(), strings(e.getValue())));
            Rule rule = new Rule(text(node, "kind"), text(node, "title"), text(node, "titleEn"), text(node, "openedBy"), Map.copyOf(when),
                    optional(node, "part"), optional(node, "member"), optional(node, "unit"), List.copyOf(strings(node.path("label"))));
            if (!rule.kind().matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("A subject kind is lower case letters, digits and '-': " + rule.kind());
            }
            kinds.add(rule.kind());
            list.add(rule);
        }
        this.rules = List.copyOf(list);
        this.memberFields = strings(root.path("references").path("member"));
        this.unitFields = strings(root.path("references").path("unit"));
        this.memberStreams = strings(root.path("streams").path("member"));
        this.unitStreams = strings(root.path("streams").path("unit"));
        this.reasonFields = List.copyOf(strings(root.path("reasons")));
        Set<String> parts = new LinkedHashSet<>();
        rules.forEach(rule -> {
            if (rule.part() != null) {
                parts.add(rule.part());
            }
        });
        this.partFields = Set.copyOf(parts);
    }

    /** The rules shipped with the service. */
    public static SubjectRules defaults() {
        try (InputStream in = SubjectRules.class.getResourceAsStream("/dangjian/audit-subjects.json")) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SubjectRules read(InputStream in) {
        return new SubjectRules(JSON.readTree(in));
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String kind) {
        return rules.stream().filter(r -> r.kind().equals(kind)).findFirst();
    }

    /** The subject an event opens, if any. */
    public Optional<Rule> opened(String unversionedType, JsonNode data) {
        return rules.stream().filter(rule -> rule.opens(unversionedType, data)).findFirst();
    }

    /** The members an event names. */
    public Set<String> members(String aggregateType, String aggregateId, JsonNode data) {
        return references(memberStreams.contains(aggregateType) ? aggregateId : null, memberFields, data);
    }

    /** The organisation units an event names. */
    public Set<String> units(String aggregateType, String aggregateId, JsonNode data) {
        return references(unitStreams.contains(aggregateType) ? aggregateId : null, unitFields, data);
    }

    /** The event's reason or basis, if it has one. */
    public String reason(JsonNode data) {
        for (String field : reasonFields) {
            JsonNode value = data.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    /** The value of a part field ({@code part} of a rule) the event carries, as text; null when none. */
    public String part(JsonNode data) {
        for (String field : partFields) {
            JsonNode value = data.path(field);
            if (value.isValueNode() && !value.isNull() && !value.isMissingNode()) {
                return value.asString();
            }
        }
        return null;
    }

    private static Set<String> references(String own, Set<String> fields, JsonNode data) {
        Set<String> found = new LinkedHashSet<>();
        if (own != null) {
            found.add(own);
        }
        collect(data, fields, found, 0);
        return found;
    }

    private static void collect(JsonNode node, Set<String> fields, Set<String> found, int depth) {
        if (depth > 2 || !node.isObject()) {
            return;
        }
        node.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (fields.contains(entry.getKey())) {
                if (value.isString()) {
                    found.add(value.asString());
                } else if (value.isArray()) {
                    value.forEach(item -> {
                        if (item.isString()) {
                            found.add(item.asString());
                        }
                    });
                }
            } else if (value.isArray()) {
                value.forEach(item -> collect(item, fields, found, depth + 1));
            } else if (value.isObject()) {
                collect(value, fields, found, depth + 1);
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("The audit subjects need \"" + field + "\" in " + node);
        }
        return value.asString();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(item -> values.add(item.asString()));
        return values;
    }
}
