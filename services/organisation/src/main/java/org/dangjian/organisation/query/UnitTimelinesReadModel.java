package org.dangjian.organisation.query;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.readmodel.TimelineReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.springframework.stereotype.Component;

/**
 * Each unit's timeline ({@code organisation_unit_timelines}, a document per event, see {@link TimelineStore}): every
 * event with its actor, business and recorded time, correlation and causation, and hash chain link. A superior unit's
 * timeline shows the units established and dissolved under it.
 */
@Component
public class UnitTimelinesReadModel extends TimelineReadModel {

    public static final String NAME = "organisation-unit-timelines";
    static final String TIMELINES = "organisation_unit_timelines";

    public UnitTimelinesReadModel(MongoDatabase serviceDatabase) {
        super(NAME, serviceDatabase, TIMELINES, Subscription.to(OrganisationEvents.ALL));
    }
}
