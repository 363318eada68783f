package org.dangjian.activities.query;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.activities.ActivitiesEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.readmodel.TimelineReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.springframework.stereotype.Component;

/**
 * Each activity's (and volunteer service record's) timeline ({@code activity_timelines}, a document per event, see
 * {@link TimelineStore}): every event with its actor, business and recorded time, correlation and causation, and hash
 * chain link.
 */
@Component
public class ActivityTimelinesReadModel extends TimelineReadModel {

    public static final String NAME = "activity-timelines";
    static final String TIMELINES = "activity_timelines";

    public ActivityTimelinesReadModel(MongoDatabase serviceDatabase) {
        super(NAME, serviceDatabase, TIMELINES, Subscription.to(ActivitiesEvents.ALL));
    }
}
