package org.dangjian.contracts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * The upcasters of the published language, one per type version, chained: a body of {@code ….v1} reads as
 * {@code ….v3} through {@code v1 -> v2} and {@code v2 -> v3}. Each upcaster goes from a version to the next one of the
 * same type, and there is at most one from each version.
 */
public final class Upcasters {

    private final Map<String, Upcaster> byFromType = new HashMap<>();

    public Upcasters(Collection<? extends Upcaster> upcasters) {
        for (Upcaster upcaster : upcasters) {
            String from = upcaster.fromType();
            String to = upcaster.toType();
            if (!EventTypes.isWellFormed(from) || !EventTypes.isWellFormed(to)
                    || !EventTypes.unversioned(from).equals(EventTypes.unversioned(to))
                    || EventTypes.versionOf(to) != EventTypes.versionOf(from) + 1) {
                throw new IllegalArgumentException("An upcaster goes from a version of a type to the next one of the same type, not "
                        + from + " -> " + to);
            }
            if (byFromType.putIfAbsent(from, upcaster) != null) {
                throw new IllegalArgumentException("Two upcasters from " + from);
            }
        }
    }

    /** The upcaster from this version, if there is one. */
    public Optional<Upcaster> from(String type) {
        return Optional.ofNullable(byFromType.get(type));
    }

    /** The upcasters that lead from {@code fromType} to {@code toType}, in order; empty when they are the same type. */
    public List<Upcaster> chain(String fromType, String toType) {
        if (!EventTypes.unversioned(fromType).equals(EventTypes.unversioned(toType))
                || EventTypes.versionOf(toType) < EventTypes.versionOf(fromType)) {
            throw new IllegalArgumentException("No way from " + fromType + " to " + toType + ": upcasting goes to a later version of the same type");
        }
        List<Upcaster> chain = new ArrayList<>();
        String type = fromType;
        while (!type.equals(toType)) {
            Upcaster next = byFromType.get(type);
            if (next == null) {
                throw new IllegalStateException("No upcaster from " + type + " (on the way from " + fromType + " to " + toType + ")");
            }
            chain.add(next);
            type = next.toType();
        }
        return chain;
    }

    /** A copy of the body of {@code fromType}, upcast to {@code toType}; the body given is left as it is. */
    public ObjectNode upcast(String fromType, ObjectNode body, String toType) {
        ObjectNode result = body.deepCopy();
        for (Upcaster upcaster : chain(fromType, toType)) {
            result = upcaster.upcast(result);
        }
        return result;
    }
}
