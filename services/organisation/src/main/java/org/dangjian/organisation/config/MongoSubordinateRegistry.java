package org.dangjian.organisation.config;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.dangjian.organisation.command.OrganisationUnitId;
import org.dangjian.organisation.command.SubordinateRegistry;
import org.springframework.stereotype.Component;

/** The registry in MongoDB: a document per parent ({@code _id}), its units as fields keyed by id, each with its time. */
@Component
class MongoSubordinateRegistry implements SubordinateRegistry {

    static final String COLLECTION = "organisation_subordinate_registry";

    private final MongoCollection<Document> registry;

    MongoSubordinateRegistry(MongoDatabase serviceDatabase) {
        this.registry = serviceDatabase.getCollection(COLLECTION);
    }

    @Override
    public void register(OrganisationUnitId parent, OrganisationUnitId unit, Instant at) {
        registry.updateOne(eq("_id", parent.value()), set("units." + unit.value(), Date.from(at)), new UpdateOptions().upsert(true));
    }

    @Override
    public Map<OrganisationUnitId, Instant> registeredUnder(OrganisationUnitId parent) {
        Map<OrganisationUnitId, Instant> registered = new HashMap<>();
        Document doc = registry.find(eq("_id", parent.value())).first();
        if (doc != null && doc.get("units") instanceof Document units) {
            units.forEach((id, at) -> registered.put(new OrganisationUnitId(id), ((Date) at).toInstant()));
        }
        return registered;
    }
}
