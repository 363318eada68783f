package org.dangjian.organisation.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.organisation.command.OrganisationUnitId;
import org.dangjian.organisation.command.SubordinatesInReadModel;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * The units and the tree: a document per unit ({@code organisation_units}, by unit id) and a document per parent
 * listing the units under it ({@code organisation_subordinates}, by parent id; the top-level committees under the key
 * {@value #TOP}). Every read is by {@code _id}; every write a field-level upsert, so a redelivered event changes
 * nothing. Events of different units may arrive in any order (they sit on different partitions), which is why a
 * parent's list of subordinates is a document of its own.
 */
@Component
public class OrganisationUnitsReadModel implements ReadModel, SubordinatesInReadModel {

    public static final String NAME = "organisation-units";
    static final String UNITS = "organisation_units";
    static final String SUBORDINATES = "organisation_subordinates";
    static final String TOP = "_top";

    private final MongoCollection<Document> units;
    private final MongoCollection<Document> subordinates;

    public OrganisationUnitsReadModel(MongoDatabase serviceDatabase) {
        this.units = serviceDatabase.getCollection(UNITS);
        this.subordinates = serviceDatabase.getCollection(SUBORDINATES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(PublishedEvent event) {
        Document current = units.find(eq("_id", event.aggregateId())).first();
        if (current != null && current.get("sequence") != null && ((Number) current.get("sequence")).longValue() >= event.sequence()) {
            return; // already shows this event or a later one (a stale consumer's late delivery must not roll it back)
        }
        Object payload = event.payload();
        if (payload instanceof OrganisationUnitEstablished established) {
            upsertUnit(event, set("kind", established.kind().name()),
                    set("massOrganisationType", established.massOrganisationType() == null ? null : established.massOrganisationType().name()),
                    set("name", established.name()),
                    set("parentId", established.parentId()),
                    set("status", "ACTIVE"),
                    set("establishedAt", Date.from(event.occurredAt())));
            String parent = established.parentId() == null ? TOP : established.parentId();
            subordinates.updateOne(eq("_id", parent),
                    combine(addToSet("all", established.unitId()), addToSet("active", established.unitId())),
                    new UpdateOptions().upsert(true));
        } else if (payload instanceof OrganisationUnitRenamed renamed) {
            upsertUnit(event, set("name", renamed.name()));
        } else if (payload instanceof OrganisationUnitDissolved dissolved) {
            upsertUnit(event, set("status", "DISSOLVED"), set("dissolvedAt", Date.from(event.occurredAt())));
            String parent = current == null || current.getString("parentId") == null ? TOP : current.getString("parentId");
            subordinates.updateOne(eq("_id", parent), pull("active", dissolved.unitId()));
        }
    }

    private void upsertUnit(PublishedEvent event, Bson... changes) {
        List<Bson> updates = new ArrayList<>(List.of(changes));
        updates.add(set("sequence", event.sequence()));
        units.updateOne(eq("_id", event.aggregateId()), combine(updates), new UpdateOptions().upsert(true));
    }

    @Override
    public void reset() {
        units.drop();
        subordinates.drop();
    }

    @Override
    public boolean hasActiveSubordinates(OrganisationUnitId unit) {
        Document doc = subordinates.find(eq("_id", unit.value())).first();
        return doc != null && !doc.getList("active", String.class, List.of()).isEmpty();
    }
}
