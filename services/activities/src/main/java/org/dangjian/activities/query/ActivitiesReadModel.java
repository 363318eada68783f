package org.dangjian.activities.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.activities.ActivityCancelled;
import org.dangjian.contracts.activities.ActivityHeld;
import org.dangjian.contracts.activities.ActivityScheduled;
import org.dangjian.contracts.activities.AttendanceCorrected;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The activities: a document per activity ({@code activities}, by activity id, written only by that activity's events,
 * each write a compare-and-set on its sequence) with its branch, kind, topic, state, days (as {@code yyyy-MM-dd}; {@code
 * date} is the day held, or the planned day until then, for the calendar), place, minutes, cancellation reason and the
 * attendance as a field per member ({@code attendance.<memberId>}: the latest record, with the previous one and the
 * reason when corrected). The calendar reads a branch's documents by an index on the branch.
 */
@Component
public class ActivitiesReadModel implements ReadModel {

    public static final String NAME = "activities";
    static final String ACTIVITIES = "activities";

    private final VersionedDocuments activities;
    private final MongoCollection<Document> collection;

    public ActivitiesReadModel(MongoDatabase serviceDatabase) {
        this.activities = new VersionedDocuments(serviceDatabase, ACTIVITIES);
        this.collection = serviceDatabase.getCollection(ACTIVITIES);
        collection.createIndex(Indexes.ascending("branchId"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(ActivityScheduled.class, ActivityHeld.class, ActivityCancelled.class, AttendanceRecorded.class,
                AttendanceCorrected.class);
    }

    @Override
    public List<String> collections() {
        return List.of(ACTIVITIES);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        VersionedDocuments.Batch writes = activities.batch();
        for (PublishedEvent event : events) {
            Object payload = event.payload();
            Bson update = null;
            if (payload instanceof ActivityScheduled scheduled) {
                update = combine(set("branchId", scheduled.branchId()), set("kind", scheduled.kind().name()),
                        set("topic", scheduled.topic()), set("plannedDate", scheduled.plannedDate().toString()),
                        set("date", scheduled.plannedDate().toString()), set("place", scheduled.place()),
                        set("state", ActivityState.SCHEDULED.name()), set("scheduledAt", Date.from(event.occurredAt())));
            } else if (payload instanceof ActivityHeld held) {
                update = combine(set("state", ActivityState.HELD.name()), set("heldOn", held.date().toString()),
                        set("date", held.date().toString()), set("place", held.place()), set("topic", held.topic()),
                        set("minutes", held.minutes()), set("speaker", held.speaker()));
            } else if (payload instanceof ActivityCancelled cancelled) {
                update = combine(set("state", ActivityState.CANCELLED.name()),
                        set("cancelReason", cancelled.reason()), set("cancelledAt", Date.from(event.occurredAt())));
            } else if (payload instanceof AttendanceRecorded recorded) {
                update = set("attendance." + recorded.memberId(), entry(recorded.attendance().name(), recorded.reason()));
            } else if (payload instanceof AttendanceCorrected corrected) {
                update = set("attendance." + corrected.memberId(), entry(corrected.attendance().name(), corrected.reason())
                        .append("previousAttendance", corrected.previousAttendance().name())
                        .append("correctionReason", corrected.correctionReason())
                        .append("correctedAt", Date.from(event.occurredAt())));
            }
            if (update != null) {
                writes.apply(event.aggregateId(), event.sequence(), update);
            }
        }
        writes.flush();
    }

    private static Document entry(String attendance, String reason) {
        Document entry = new Document("attendance", attendance);
        if (reason != null) {
            entry.append("reason", reason);
        }
        return entry;
    }

    @Override
    public void reset() {
        activities.drop(); // and its index again
        collection.createIndex(Indexes.ascending("branchId"));
    }
}
