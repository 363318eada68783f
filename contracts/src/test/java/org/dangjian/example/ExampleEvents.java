package org.dangjian.example;

import java.util.List;

import org.dangjian.contracts.Upcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * A made-up service's published language, as a service's {@code *Events} class declares it, with the upcaster a
 * version 2 comes with. It is outside {@code org.dangjian.contracts}, so it joins neither the AsyncAPI document nor the
 * checks of the real language; the tests run the same checks on it (schemas and samples in
 * {@code src/test/resources/upcasting-example}).
 */
public final class ExampleEvents {

    public static final String SERVICE = "example";

    public static final List<Class<? extends Record>> ALL = List.of(UnitLed.class, UnitLedV2.class);

    /** v1 → v2: the one leader becomes a list of one. */
    public static final List<Upcaster> UPCASTERS = List.of(
            Upcaster.of("org.dangjian.example.UnitLed.v1", body -> {
                ObjectNode v2 = body;
                v2.putArray("leaders").add(body.get("leader").asString());
                v2.remove("leader");
                return v2;
            }));

    private ExampleEvents() {
    }
}
