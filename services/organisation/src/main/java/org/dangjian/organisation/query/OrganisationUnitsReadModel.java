package org.dangjian.organisation.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The units and the tree: a document per unit ({@code organisation_units}, by unit id, written only by that unit's
 * events, each write a compare-and-set on its sequence) and a document per parent naming every unit ever
 * established under it ({@code organisation_subordinates}, by parent id; the top-level committees under the key
 * {@value #TOP}; each unit a field {@code units.<id>}, set by its establishment: a set, whatever order the events of
 * different units arrive in, so a rebuild gives the very same document). Every read is by {@code _id}; every write is safe to repeat, and a
 * repeat after a failure between the two writes of an establishment does the one that is missing. Events of
 * different units may arrive in any order (they sit on different partitions), which is why a parent's list is a
 * document of its own. The superior unit's own record of its subordinates (attached/detached) only moves the unit's
 * version ({@code sequence}, the last event of the unit the view reflects).
 *
 * <p>A parent's list is one document: it holds every unit established under it (at most some hundreds in practice;
 * 16 MB would hold some 300,000 ids).
 */
@Component
public class OrganisationUnitsReadModel implements ReadModel {

    public static final String NAME = "organisation-units";
    static final String UNITS = "organisation_units";
    static final String SUBORDINATES = "organisation_subordinates";
    static final String TOP = "_top";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final VersionedDocuments units;
    private final MongoCollection<Document> subordinates;

    public OrganisationUnitsReadModel(MongoDatabase serviceDatabase) {
        this.units = new VersionedDocuments(serviceDatabase, UNITS);
        this.subordinates = serviceDatabase.getCollection(SUBORDINATES);
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
        return List.of(UNITS, SUBORDINATES);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    /** The events' unit writes as one batch, their parents' lists as one bulk write (each write as described above). */
    @Override
    public void applyAll(List<PublishedEvent> events) {
        VersionedDocuments.Batch unitWrites = units.batch();
        List<WriteModel<Document>> parentWrites = new ArrayList<>();
        for (PublishedEvent event : events) {
            Object payload = event.payload();
            if (payload instanceof OrganisationUnitEstablished established) {
                unitWrites.apply(event.aggregateId(), event.sequence(), combine(
                        set("kind", established.kind().name()),
                        set("massOrganisationType", established.massOrganisationType() == null ? null : established.massOrganisationType().name()),
                        set("name", established.name()),
                        set("parentId", established.parentId()),
                        set("status", "ACTIVE"),
                        set("establishedAt", Date.from(event.occurredAt()))));
                String parent = established.parentId() == null ? TOP : established.parentId();
                parentWrites.add(new UpdateOneModel<>(eq("_id", parent), set("units." + established.unitId(), true), UPSERT));
            } else if (payload instanceof OrganisationUnitRenamed renamed) {
                unitWrites.apply(event.aggregateId(), event.sequence(), set("name", renamed.name()));
            } else if (payload instanceof OrganisationUnitDissolved) {
                unitWrites.apply(event.aggregateId(), event.sequence(),
                        combine(set("status", "DISSOLVED"), set("dissolvedAt", Date.from(event.occurredAt()))));
            } else {
                // a subordinate attached or detached: the list comes from the subordinates' own events; the unit's version moves
                unitWrites.apply(event.aggregateId(), event.sequence(), combine());
            }
        }
        unitWrites.flush();
        if (!parentWrites.isEmpty()) {
            subordinates.bulkWrite(parentWrites, new BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public void reset() {
        units.drop(); // and its index again
    }
}
