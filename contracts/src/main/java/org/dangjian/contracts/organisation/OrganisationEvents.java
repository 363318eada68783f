package org.dangjian.contracts.organisation;

import java.util.List;

/** What the organisation service (组织) publishes, and where. */
public final class OrganisationEvents {

    /** The Kafka topic: every event of the service, keyed by unit id, kept forever. */
    public static final String TOPIC = "dangjian.organisation.events";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/organisation";

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            OrganisationUnitEstablished.class,
            OrganisationUnitRenamed.class,
            OrganisationUnitDissolved.class);

    private OrganisationEvents() {
    }
}
