package org.dangjian.subscriptions.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateAttached;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateDetached;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * Where each organisation unit hangs in the tree ({@code unit_tree}: a unit's id and its parent's), from the organisation
 * service's topic: what a subscription's subtree filter asks. A unit's parent is written by the unit's own establishment
 * and by its parent's attach and detach events, each a field set once per event ({@code parents.<parentId>} true or
 * false), so the order in which different units' events arrive does not matter. Every unit established has a document,
 * a top unit too ({@code established} true, no parent): a unit without one is one the service has not read yet, which
 * the delivery tells apart from a unit outside the subtree ({@link Placement#UNKNOWN}).
 */
@Component
public class UnitTreeReadModel implements ReadModel {

    public static final String NAME = "unit-tree";
    static final String TREE = "unit_tree";
    /** How deep the tree may be before a walk up stops (a guard against a cycle in bad data). */
    private static final int MAX_DEPTH = 64;

    private final MongoCollection<Document> collection;

    public UnitTreeReadModel(MongoDatabase serviceDatabase) {
        this.collection = serviceDatabase.getCollection(TREE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(OrganisationUnitEstablished.class, OrganisationUnitSubordinateAttached.class,
                OrganisationUnitSubordinateDetached.class);
    }

    @Override
    public List<String> collections() {
        return List.of(TREE);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (PublishedEvent event : events) {
            if (event.payload() instanceof OrganisationUnitEstablished e) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", e.unitId()), e.parentId() == null ? Updates.set("established", true)
                        : Updates.combine(Updates.set("established", true), Updates.set("parents." + e.parentId(), true)), upsert));
            } else if (event.payload() instanceof OrganisationUnitSubordinateAttached e) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", e.subordinateId()), Updates.set("parents." + e.unitId(), true), upsert));
            } else if (event.payload() instanceof OrganisationUnitSubordinateDetached e) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", e.subordinateId()), Updates.set("parents." + e.unitId(), false), upsert));
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
    }

    /** Where a unit stands relative to a subtree's root, as far as the organisation's events read so far tell. */
    public enum Placement {
        /** The root itself or a unit under it. */
        WITHIN,
        /** A unit whose line up to a top unit does not pass the root. */
        OUTSIDE,
        /** The line up from the unit reaches a unit the service has no record of: its establishment not read yet. */
        UNKNOWN
    }

    /**
     * Whether {@code unitId} is {@code root} or stands anywhere under it; {@link Placement#UNKNOWN} while that cannot be
     * told yet.
     */
    public Placement placement(String unitId, String root) {
        Set<String> seen = new HashSet<>();
        String current = unitId;
        for (int depth = 0; depth < MAX_DEPTH && seen.add(current); depth++) {
            if (current.equals(root)) {
                return Placement.WITHIN;
            }
            Document unit = collection.find(Filters.eq("_id", current)).first();
            if (unit == null) {
                return Placement.UNKNOWN;
            }
            current = parentOf(unit);
            if (current == null) {
                return Placement.OUTSIDE;
            }
        }
        return Placement.OUTSIDE; // a cycle or a line deeper than any real tree: bad data, never delivered on its account
    }

    private static String parentOf(Document unit) {
        Document parents = unit.get("parents", Document.class);
        if (parents == null) {
            return null;
        }
        return parents.entrySet().stream().filter(entry -> Boolean.TRUE.equals(entry.getValue())).map(java.util.Map.Entry::getKey).findFirst()
                .orElse(null);
    }
}
