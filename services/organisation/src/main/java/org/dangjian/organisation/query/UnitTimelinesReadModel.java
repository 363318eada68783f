package org.dangjian.organisation.query;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.springframework.stereotype.Component;

/**
 * Each unit's timeline ({@code organisation_unit_timelines}, a document per event, see {@link TimelineStore}): every
 * event with its actor, business and recorded time, correlation and causation, and hash chain link. A superior unit's
 * timeline shows the units established and dissolved under it.
 */
@Component
public class UnitTimelinesReadModel implements ReadModel {

    public static final String NAME = "organisation-unit-timelines";
    static final String TIMELINES = "organisation_unit_timelines";

    private final TimelineStore timelines;

    public UnitTimelinesReadModel(MongoDatabase serviceDatabase) {
        this.timelines = new TimelineStore(serviceDatabase, TIMELINES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(OrganisationEvents.ALL);
    }

    @Override
    public List<String> collections() {
        return List.of(TIMELINES);
    }

    @Override
    public void apply(PublishedEvent event) {
        timelines.record(event);
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        timelines.recordAll(events);
    }
}
