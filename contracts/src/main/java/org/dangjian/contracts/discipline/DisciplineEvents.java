package org.dangjian.contracts.discipline;

import java.util.List;

/**
 * What the discipline supervision service (纪检监督) publishes for other services, and where: the effect of a
 * sanction, never the case file. The members service vetoes a cadre's political assessment (一票否决) from it.
 */
public final class DisciplineEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "discipline";

    /** The Kafka topic: every published event of the service, keyed by the sanction's id, kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            SanctionTookEffect.class,
            SanctionEnded.class);

    private DisciplineEvents() {
    }
}
