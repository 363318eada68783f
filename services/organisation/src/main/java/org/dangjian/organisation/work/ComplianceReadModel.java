package org.dangjian.organisation.work;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.dangjian.contracts.activities.ComplianceConcluded;
import org.dangjian.contracts.organisation.ComplianceFact;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * The "三会一课" compliance of every branch as the activities service published it ({@code unit_compliance}, a document
 * per compliance record, which is concluded once and never changes): the facts a "五化" assessment's area
 * 组织生活正常化 is scored on.
 */
@Component
public class ComplianceReadModel implements ReadModel {

    public static final String NAME = "unit-compliance";
    static final String COMPLIANCE = "unit_compliance";

    private final MongoCollection<Document> collection;

    public ComplianceReadModel(MongoDatabase serviceDatabase) {
        this.collection = serviceDatabase.getCollection(COMPLIANCE);
        indexes();
    }

    private void indexes() {
        collection.createIndex(Indexes.ascending("branchId", "year"));
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
        return List.of(COMPLIANCE);
    }

    @Override
    public void apply(PublishedEvent event) {
        ComplianceConcluded e = (ComplianceConcluded) event.payload();
        Document doc = new Document("_id", e.complianceId()).append("branchId", e.branchId()).append("kind", e.kind().name())
                .append("period", e.period()).append("year", Integer.parseInt(e.period().substring(0, 4))).append("required", e.required())
                .append("held", e.held()).append("met", e.met());
        collection.replaceOne(Filters.eq("_id", e.complianceId()), doc, new ReplaceOptions().upsert(true));
    }

    /** The unit's compliance records of periods in the year, by kind and period. */
    public List<ComplianceFact> of(String unitId, int year) {
        List<ComplianceFact> facts = new ArrayList<>();
        for (Document doc : collection.find(Filters.and(Filters.eq("branchId", unitId), Filters.eq("year", year)))
                .sort(Sorts.ascending("kind", "period"))) {
            facts.add(new ComplianceFact(doc.getString("_id"), doc.getString("kind"), doc.getString("period"), doc.getInteger("required"),
                    doc.getInteger("held"), doc.getBoolean("met")));
        }
        return facts;
    }

    @Override
    public void reset() {
        indexes();
    }
}
