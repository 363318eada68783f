package org.dangjian.activities.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.dangjian.contracts.activities.AttendanceCorrected;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.contracts.activities.VolunteerServiceRecorded;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * Each member's participation: a document per member ({@code member_participation}, by member id) with a field per
 * activity ({@code activities.<activityId>}: his latest attendance, its day, kind and branch, corrected or not) and per
 * volunteer service record ({@code services.<serviceId>}: kind, hours, day); and a document per year ({@code
 * volunteer_years}, by year) with a field per member and record ({@code members.<memberId>.<serviceId>}: hours) for the
 * ranking; and a document per volunteer service record ({@code volunteer_services}, by its id: member, kind, hours,
 * day, when recorded) for the record's own page. Written by many aggregates' events, a field each ({@code $set}), so the order in which different
 * aggregates' events arrive does not matter and a repeat changes nothing; one activity's events arrive in order, so
 * its field ends with the latest.
 */
@Component
public class ParticipationReadModel implements ReadModel {

    public static final String NAME = "participation";
    static final String PARTICIPATION = "member_participation";
    static final String YEARS = "volunteer_years";
    static final String SERVICES = "volunteer_services";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> participation;
    private final MongoCollection<Document> years;
    private final MongoCollection<Document> services;

    public ParticipationReadModel(MongoDatabase serviceDatabase) {
        this.participation = serviceDatabase.getCollection(PARTICIPATION);
        this.years = serviceDatabase.getCollection(YEARS);
        this.services = serviceDatabase.getCollection(SERVICES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(AttendanceRecorded.class, AttendanceCorrected.class, VolunteerServiceRecorded.class);
    }

    @Override
    public List<String> collections() {
        return List.of(PARTICIPATION, YEARS, SERVICES);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    /** A poll's writes in (at most) two unordered bulk writes; the order within one field's writes is the events'. */
    @Override
    public void applyAll(List<PublishedEvent> events) {
        List<WriteModel<Document>> memberWrites = new ArrayList<>();
        List<WriteModel<Document>> yearWrites = new ArrayList<>();
        List<WriteModel<Document>> serviceWrites = new ArrayList<>();
        for (PublishedEvent event : events) {
            Object payload = event.payload();
            if (payload instanceof AttendanceRecorded recorded) {
                memberWrites.add(new UpdateOneModel<>(eq("_id", recorded.memberId()),
                        set("activities." + recorded.activityId(), entry(recorded.attendance().name(), recorded.reason(), recorded.date().toString(),
                                recorded.kind().name(), recorded.branchId()).append("corrected", false)), UPSERT));
            } else if (payload instanceof AttendanceCorrected corrected) {
                memberWrites.add(new UpdateOneModel<>(eq("_id", corrected.memberId()),
                        set("activities." + corrected.activityId(), entry(corrected.attendance().name(), corrected.reason(),
                                corrected.date().toString(), corrected.kind().name(), corrected.branchId()).append("corrected", true)), UPSERT));
            } else if (payload instanceof VolunteerServiceRecorded service) {
                memberWrites.add(new UpdateOneModel<>(eq("_id", service.memberId()), set("services." + service.serviceId(),
                        new Document("kind", service.kind().name()).append("hours", service.hours().doubleValue())
                                .append("date", service.date().toString())), UPSERT));
                yearWrites.add(new UpdateOneModel<>(eq("_id", String.valueOf(service.date().getYear())),
                        set("members." + service.memberId() + "." + service.serviceId(), service.hours().doubleValue()), UPSERT));
                serviceWrites.add(new UpdateOneModel<>(eq("_id", service.serviceId()), combine(set("memberId", service.memberId()),
                        set("kind", service.kind().name()), set("hours", service.hours().doubleValue()), set("date", service.date().toString()),
                        set("recordedAt", java.util.Date.from(event.occurredAt())), set("sequence", event.sequence())), UPSERT));
            }
        }
        // one member's writes stay in order within the bulk (ordered), so an activity's correction lands after its record
        if (!memberWrites.isEmpty()) {
            participation.bulkWrite(memberWrites, new BulkWriteOptions().ordered(true));
        }
        if (!yearWrites.isEmpty()) {
            years.bulkWrite(yearWrites, new BulkWriteOptions().ordered(true));
        }
        if (!serviceWrites.isEmpty()) {
            services.bulkWrite(serviceWrites, new BulkWriteOptions().ordered(false));
        }
    }

    private static Document entry(String attendance, String reason, String date, String kind, String branchId) {
        Document entry = new Document("attendance", attendance).append("date", date).append("kind", kind).append("branchId", branchId);
        if (reason != null) {
            entry.append("reason", reason);
        }
        return entry;
    }
}
