package org.dangjian.subscriptions.delivery;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dangjian.contracts.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Leaves out of an event's data the personal data a grant does not name. Which fields hold personal data is what the
 * published records say ({@link PersonalData} on a record component, also of a record nested in an event, or in a list
 * of them); a field left out is named in the answer by its path ({@code name}, {@code committee[].name}).
 */
public final class Masking {

    private static final Map<Class<?>, Map<String, Object>> PLANS = new ConcurrentHashMap<>();

    private Masking() {
    }

    /** The personal fields of a published record: path → kind, for the catalogue. */
    public static Map<String, PersonalData.Kind> personalFields(Class<? extends Record> record) {
        Map<String, PersonalData.Kind> fields = new LinkedHashMap<>();
        collect(plan(record), "", fields);
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> plan, String prefix, Map<String, PersonalData.Kind> fields) {
        plan.forEach((name, rule) -> {
            if (rule instanceof PersonalData.Kind kind) {
                fields.put(prefix + name, kind);
            } else if (rule instanceof Nested nested) {
                collect(nested.plan(), prefix + name + (nested.list() ? "[]." : "."), fields);
            }
        });
    }

    /**
     * Removes from {@code data} (changed in place) every personal field whose kind is not in {@code granted}; answers the
     * paths removed, each once.
     */
    public static List<String> mask(Class<? extends Record> record, ObjectNode data, Set<PersonalData.Kind> granted) {
        List<String> masked = new ArrayList<>();
        mask(plan(record), data, granted, "", masked);
        return masked.stream().distinct().toList();
    }

    private static void mask(Map<String, Object> plan, ObjectNode data, Set<PersonalData.Kind> granted, String prefix, List<String> masked) {
        plan.forEach((name, rule) -> {
            JsonNode value = data.get(name);
            if (value == null || value.isNull()) {
                return;
            }
            if (rule instanceof PersonalData.Kind kind) {
                if (!granted.contains(kind)) {
                    data.remove(name);
                    masked.add(prefix + name);
                }
            } else if (rule instanceof Nested nested) {
                if (nested.list() && value instanceof ArrayNode array) {
                    for (JsonNode element : array) {
                        if (element instanceof ObjectNode object) {
                            mask(nested.plan(), object, granted, prefix + name + "[].", masked);
                        }
                    }
                } else if (value instanceof ObjectNode object) {
                    mask(nested.plan(), object, granted, prefix + name + ".", masked);
                }
            }
        });
    }

    private record Nested(Map<String, Object> plan, boolean list) {
    }

    /** Per component: its kind of personal data, or the plan of the record it holds (also in a list), when either has any. */
    private static synchronized Map<String, Object> plan(Class<?> record) {
        Map<String, Object> known = PLANS.get(record);
        if (known != null) {
            return known;
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        PLANS.put(record, plan); // a record that holds itself stops here
        for (RecordComponent component : record.getRecordComponents()) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) {
                plan.put(component.getName(), personal.value());
                continue;
            }
            Class<?> type = component.getType();
            boolean list = false;
            if (Collection.class.isAssignableFrom(type) && component.getGenericType() instanceof ParameterizedType parameterized) {
                Type element = parameterized.getActualTypeArguments()[0];
                type = element instanceof Class<?> c ? c : Object.class;
                list = true;
            }
            if (type.isRecord()) {
                Map<String, Object> nested = plan(type);
                if (!nested.isEmpty()) {
                    plan.put(component.getName(), new Nested(nested, list));
                }
            }
        }
        return plan;
    }
}
