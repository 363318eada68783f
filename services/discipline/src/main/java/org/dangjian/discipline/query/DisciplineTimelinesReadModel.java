package org.dangjian.discipline.query;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.discipline.DisciplineEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.readmodel.TimelineReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.springframework.stereotype.Component;

/**
 * Each discipline record's timeline ({@code discipline_timelines}, a document per event, see {@link TimelineStore}):
 * inspections, talks, cases, selection supervision, the published sanctions and the access logs, every event with its
 * actor, business and recorded time, correlation and causation, and hash chain link.
 */
@Component
public class DisciplineTimelinesReadModel extends TimelineReadModel {

    public static final String NAME = "discipline-timelines";
    static final String TIMELINES = "discipline_timelines";

    public DisciplineTimelinesReadModel(MongoDatabase serviceDatabase) {
        super(NAME, serviceDatabase, TIMELINES, Subscription.to(DisciplineEvents.ALL));
    }
}
