package org.dangjian.activities.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.dangjian.contracts.activities.ComplianceConcluded;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The concluded "三会一课" compliance records: a document per record ({@code compliance_records}, by its id, written
 * only by its own event) with branch, kind, period, rules version, required, held, met and the held activities' ids.
 * The board shows an ended period as concluded from here, and the conclusion job passes over the periods found here.
 */
@Component
public class ComplianceReadModel implements ReadModel {

    public static final String NAME = "compliance";
    static final String RECORDS = "compliance_records";

    private final VersionedDocuments records;
    private final MongoCollection<Document> collection;

    public ComplianceReadModel(MongoDatabase serviceDatabase) {
        this.records = new VersionedDocuments(serviceDatabase, RECORDS);
        this.collection = serviceDatabase.getCollection(RECORDS);
        collection.createIndex(Indexes.ascending("branchId"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(ComplianceConcluded.class);
    }

    @Override
    public List<String> collections() {
        return List.of(RECORDS);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        VersionedDocuments.Batch writes = records.batch();
        for (PublishedEvent event : events) {
            if (event.payload() instanceof ComplianceConcluded concluded) {
                writes.apply(event.aggregateId(), event.sequence(), combine(set("branchId", concluded.branchId()),
                        set("kind", concluded.kind().name()), set("period", concluded.period()), set("rulesVersion", concluded.rulesVersion()),
                        set("required", concluded.required()), set("held", concluded.held()), set("met", concluded.met()),
                        set("heldActivityIds", concluded.heldActivityIds() == null ? List.of() : concluded.heldActivityIds()),
                        set("concludedAt", Date.from(event.recordedAt()))));
            }
        }
        writes.flush();
    }

    /** A concluded record as the board shows it. */
    public record Concluded(String id, String branchId, String kind, String period, String rulesVersion, int required, int held, boolean met,
                            List<String> heldActivityIds) {
    }

    /** The concluded records among these ids, by id. */
    public Map<String, Concluded> find(Collection<String> ids) {
        Map<String, Concluded> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : collection.find(Filters.in("_id", new ArrayList<>(ids)))) {
            if (doc.getString("period") == null) {
                continue;
            }
            List<String> held = doc.getList("heldActivityIds", String.class);
            found.put(doc.getString("_id"), new Concluded(doc.getString("_id"), doc.getString("branchId"), doc.getString("kind"),
                    doc.getString("period"), doc.getString("rulesVersion"), doc.getInteger("required", 0), doc.getInteger("held", 0),
                    Boolean.TRUE.equals(doc.getBoolean("met")), held == null ? List.of() : List.copyOf(held)));
        }
        return found;
    }

    @Override
    public void reset() {
        records.drop();
        collection.createIndex(Indexes.ascending("branchId"));
    }
}
