package org.dangjian.contracts;

import java.util.function.UnaryOperator;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a stored body of one version of an event type into the next version's: {@code org.dangjian.x.Y.v1} into
 * {@code org.dangjian.x.Y.v2}. A breaking change of a published type is a new version with its record, its schema and
 * the upcaster from the version before; a service lists its upcasters in its {@code *Events} class as
 * {@code UPCASTERS}, and a chain of them reads any older version as the newest. The stored body itself never changes
 * (it is hashed): an upcaster works on a copy, when the body is read.
 */
public interface Upcaster {

    /** The version it reads, {@code org.dangjian.<service>.<Event>.v<n>}. */
    String fromType();

    /** The version it writes: the same event, {@code .v<n+1>}. */
    String toType();

    /** The body as {@link #toType()}; it may change and return the copy it is given. */
    ObjectNode upcast(ObjectNode body);

    /** An upcaster from {@code fromType} to the next version of the same type, by a function over the JSON tree. */
    static Upcaster of(String fromType, UnaryOperator<ObjectNode> function) {
        String toType = EventTypes.unversioned(fromType) + ".v" + (EventTypes.versionOf(fromType) + 1);
        return new Upcaster() {
            @Override
            public String fromType() {
                return fromType;
            }

            @Override
            public String toType() {
                return toType;
            }

            @Override
            public ObjectNode upcast(ObjectNode body) {
                return function.apply(body);
            }

            @Override
            public String toString() {
                return "Upcaster " + fromType + " -> " + toType;
            }
        };
    }
}
