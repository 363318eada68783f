package org.dangjian.activities.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.activities.DeedCompleted;
import org.dangjian.contracts.activities.EngagementCorrected;
import org.dangjian.contracts.activities.EngagementKind;
import org.dangjian.contracts.activities.EngagementRecorded;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The learning and practice records (学习教育, "我为群众办实事", 调研报告, 群众性活动): a document per record ({@code
 * engagements}, by record id, written only by that record's events, each write a compare-and-set on its sequence) with
 * its kind, branch, organising unit, title, day ({@code yyyy-MM-dd}), hours, participants, evidence, description, form,
 * authors, summary, state ({@code RECORDED}; a deed {@code COMMITTED}, then {@code COMPLETED} with its day and result)
 * and its corrections as a field per event ({@code corrections.<sequence>}: reason, when, which fields). The list reads
 * by an index on the branch; a member's participation by an index on the participants.
 */
@Component
public class EngagementsReadModel implements ReadModel {

    public static final String NAME = "engagements";
    static final String ENGAGEMENTS = "engagements";

    private final VersionedDocuments engagements;
    private final MongoCollection<Document> collection;

    public EngagementsReadModel(MongoDatabase serviceDatabase) {
        this.engagements = new VersionedDocuments(serviceDatabase, ENGAGEMENTS);
        this.collection = serviceDatabase.getCollection(ENGAGEMENTS);
        indexes();
    }

    private void indexes() {
        collection.createIndex(Indexes.ascending("branchId", "date"));
        collection.createIndex(Indexes.ascending("participants"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(EngagementRecorded.class, DeedCompleted.class, EngagementCorrected.class);
    }

    @Override
    public List<String> collections() {
        return List.of(ENGAGEMENTS);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        VersionedDocuments.Batch writes = engagements.batch();
        for (PublishedEvent event : events) {
            Object payload = event.payload();
            Bson update = null;
            if (payload instanceof EngagementRecorded recorded) {
                update = combine(set("kind", recorded.kind().name()), set("branchId", recorded.branchId()),
                        set("organiserId", recorded.organiserId()), set("title", recorded.title()), set("date", recorded.date().toString()),
                        set("hours", recorded.hours() == null ? null : recorded.hours().doubleValue()),
                        set("participants", recorded.participants()), set("evidence", recorded.evidence() == null ? List.of() : recorded.evidence()),
                        set("description", recorded.description()),
                        set("learningForm", recorded.learningForm() == null ? null : recorded.learningForm().name()),
                        set("authors", recorded.authors()), set("summary", recorded.summary()),
                        set("state", recorded.kind() == EngagementKind.DEED ? "COMMITTED" : "RECORDED"),
                        set("recordedAt", Date.from(event.occurredAt())));
            } else if (payload instanceof DeedCompleted completed) {
                update = combine(set("state", "COMPLETED"), set("completedOn", completed.date().toString()), set("result", completed.result()));
            } else if (payload instanceof EngagementCorrected corrected) {
                update = corrected(corrected, event);
            }
            if (update != null) {
                writes.apply(event.aggregateId(), event.sequence(), update);
            }
        }
        writes.flush();
    }

    private static Bson corrected(EngagementCorrected corrected, PublishedEvent event) {
        List<Bson> updates = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        change(updates, fields, "title", corrected.title());
        change(updates, fields, "date", corrected.date() == null ? null : corrected.date().toString());
        change(updates, fields, "hours", corrected.hours() == null ? null : corrected.hours().doubleValue());
        change(updates, fields, "participants", corrected.participants());
        change(updates, fields, "evidence", corrected.evidence());
        change(updates, fields, "description", corrected.description());
        change(updates, fields, "learningForm", corrected.learningForm() == null ? null : corrected.learningForm().name());
        change(updates, fields, "authors", corrected.authors());
        change(updates, fields, "summary", corrected.summary());
        if (corrected.organiserId() != null) {
            updates.add(set("organiserId", corrected.organiserId().equals(corrected.branchId()) ? null : corrected.organiserId()));
            fields.add("organiserId");
        }
        change(updates, fields, "completedOn", corrected.completedOn() == null ? null : corrected.completedOn().toString());
        change(updates, fields, "result", corrected.result());
        updates.add(set("corrections." + event.sequence(), new Document("reason", corrected.reason())
                .append("correctedAt", Date.from(event.occurredAt())).append("fields", fields)));
        updates.add(set("correctedAt", Date.from(event.occurredAt())));
        return combine(updates);
    }

    private static void change(List<Bson> updates, List<String> fields, String field, Object value) {
        if (value != null) {
            updates.add(set(field, value));
            fields.add(field);
        }
    }

    @Override
    public void reset() {
        engagements.drop(); // and its index again
        indexes();
    }
}
