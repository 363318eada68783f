package org.dangjian.members.query;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.members.MembersEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.springframework.stereotype.Component;

/**
 * Each member's timeline ({@code member_timelines}, a document per event, see {@link TimelineStore}): every step with
 * its actor, business and recorded time, basis, correlation and causation, and hash chain link. The application's
 * entry holds the personal data as the event does; the web layer masks it per caller.
 */
@Component
public class MemberTimelinesReadModel implements ReadModel {

    public static final String NAME = "member-timelines";
    static final String TIMELINES = "member_timelines";

    private final TimelineStore timelines;

    public MemberTimelinesReadModel(MongoDatabase serviceDatabase) {
        this.timelines = new TimelineStore(serviceDatabase, TIMELINES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(MembersEvents.ALL);
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
