package org.dangjian.members.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.dangjian.contracts.members.MemberPointsRecorded;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * The "五星十佳" points ledger (积分台账): a document per entry ({@code points_ledger}, keyed by member id and the
 * event's sequence, so a repeat writes the same document again), with the year, points, rule, rule-set version, day,
 * reason and source event. A member's yearly balance is kept on his document in {@code members} ({@code points.<year>}).
 */
@Component
public class PointsLedgerReadModel implements ReadModel {

    public static final String NAME = "points-ledger";
    static final String LEDGER = "points_ledger";

    private final MongoCollection<Document> ledger;

    public PointsLedgerReadModel(MongoDatabase serviceDatabase) {
        this.ledger = serviceDatabase.getCollection(LEDGER);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(MemberPointsRecorded.class);
    }

    @Override
    public List<String> collections() {
        return List.of(LEDGER);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (PublishedEvent event : events) {
            if (event.payload() instanceof MemberPointsRecorded recorded) {
                String id = event.aggregateId() + ":" + String.format("%010d", event.sequence());
                Document entry = new Document("_id", id).append("memberId", event.aggregateId()).append("sequence", event.sequence())
                        .append("year", recorded.year()).append("points", recorded.points()).append("rule", recorded.rule())
                        .append("rulesVersion", recorded.rulesVersion()).append("date", recorded.date().toString())
                        .append("reason", recorded.reason()).append("sourceEventId", recorded.sourceEventId())
                        .append("sourceType", recorded.sourceType()).append("eventId", event.eventId());
                writes.add(new ReplaceOneModel<>(eq("_id", id), entry, new ReplaceOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            ledger.bulkWrite(writes);
        }
    }

    /** A member's entries of a year, oldest first. */
    public List<Document> entries(String memberId, int year) {
        List<Document> found = new ArrayList<>();
        ledger.find(and(eq("memberId", memberId), eq("year", year))).sort(Sorts.ascending("_id")).into(found);
        return found;
    }

    @Override
    public void reset() {
        // the collection is dropped by the rebuild; documents are found by member and year (a scan of one member's)
    }
}
