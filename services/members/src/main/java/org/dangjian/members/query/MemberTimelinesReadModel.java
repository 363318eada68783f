package org.dangjian.members.query;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.members.MembersEvents;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.readmodel.TimelineReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.springframework.stereotype.Component;

/**
 * Each member's timeline ({@code member_timelines}, a document per event, see {@link TimelineStore}): every step with
 * its actor, business and recorded time, basis, correlation and causation, and hash chain link. The application's
 * entry holds the personal data as the event does; the web layer masks it per caller.
 */
@Component
public class MemberTimelinesReadModel extends TimelineReadModel {

    public static final String NAME = "member-timelines";
    static final String TIMELINES = "member_timelines";

    public MemberTimelinesReadModel(MongoDatabase serviceDatabase) {
        super(NAME, serviceDatabase, TIMELINES, Subscription.to(MembersEvents.ALL));
    }
}
