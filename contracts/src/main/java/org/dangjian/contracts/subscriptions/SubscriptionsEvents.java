package org.dangjian.contracts.subscriptions;

import java.util.List;

/**
 * What the subscriptions service (事件订阅) publishes, and where: the departments' subscription requests and the
 * committee's decisions on them (grants, refusals, changes, revocations), each subscription a stream of its own with its
 * timeline. What is delivered to a department is not published here: it is recorded as delivery records that
 * auditors read (docs/subscribing.md).
 */
public final class SubscriptionsEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "subscriptions";

    /** The Kafka topic: every published event of the service, keyed by the subscription's id, kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** What the topic carries, for the AsyncAPI document. */
    public static final String DESCRIPTION = """
            The subscriptions service (事件订阅): other departments' requests for published events and the party committee's \
            decisions on them (granted, refused, grant changed, revoked), keyed by the subscription's id (aggregate type \
            Subscription). What is delivered to a department is not published here: it is recorded as delivery records.""";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            SubscriptionRequested.class,
            SubscriptionGranted.class,
            SubscriptionRefused.class,
            SubscriptionGrantChanged.class,
            SubscriptionRevoked.class);

    private SubscriptionsEvents() {
    }
}
