package org.dangjian.activities.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.bson.conversions.Bson;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The organisation units the activities service knows, from the organisation service's published events only (never its
 * database): a document per unit ({@code branches}, by unit id) with its kind, name and whether it is dissolved. An
 * activity is scheduled for a branch (党支部) here that is not dissolved; the calendars name branches with it.
 */
@Component
public class BranchesReadModel implements ReadModel {

    public static final String NAME = "branches";
    static final String BRANCHES = "branches";

    private final VersionedDocuments units;

    public BranchesReadModel(MongoDatabase serviceDatabase) {
        this.units = new VersionedDocuments(serviceDatabase, BRANCHES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(OrganisationUnitEstablished.class, OrganisationUnitRenamed.class, OrganisationUnitDissolved.class);
    }

    @Override
    public List<String> collections() {
        return List.of(BRANCHES);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        VersionedDocuments.Batch writes = units.batch();
        for (PublishedEvent event : events) {
            Object payload = event.payload();
            Bson update = null;
            if (payload instanceof OrganisationUnitEstablished established) {
                update = combine(set("name", established.name()), set("kind", established.kind().name()), set("dissolved", false));
            } else if (payload instanceof OrganisationUnitRenamed renamed) {
                update = set("name", renamed.name());
            } else if (payload instanceof OrganisationUnitDissolved) {
                update = set("dissolved", true);
            }
            if (update != null) {
                writes.apply(event.aggregateId(), event.sequence(), update);
            }
        }
        writes.flush();
    }

    /** The unit, if the organisation service has published it. */
    public Optional<Unit> unit(String id) {
        return units.find(id).filter(doc -> doc.getString("kind") != null)
                .map(doc -> new Unit(id, doc.getString("name"), doc.getString("kind"), Boolean.TRUE.equals(doc.getBoolean("dissolved"))));
    }

    /** A unit as the activities service knows it. */
    public record Unit(String id, String name, String kind, boolean dissolved) {

        public boolean isBranch() {
            return "BRANCH".equals(kind);
        }
    }

    @Override
    public void reset() {
        units.drop();
    }
}
