package org.dangjian.subscriptions.query;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.subscriptions.SubscriptionsEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.readmodel.TimelineReadModel;
import org.springframework.stereotype.Component;

/**
 * Each subscription's timeline ({@code subscription_timelines}, a document per event): the request and every decision
 * on it, with actor, business and recorded time, correlation and causation, and hash chain link.
 */
@Component
public class SubscriptionTimelinesReadModel extends TimelineReadModel {

    public static final String NAME = "subscription-timelines";
    public static final String TIMELINES = "subscription_timelines";

    public SubscriptionTimelinesReadModel(MongoDatabase serviceDatabase) {
        super(NAME, serviceDatabase, TIMELINES, Subscription.to(SubscriptionsEvents.ALL));
    }
}
