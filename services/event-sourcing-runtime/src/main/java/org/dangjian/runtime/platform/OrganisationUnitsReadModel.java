package org.dangjian.runtime.platform;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.readmodel.VersionedDocuments;

/**
 * The organisation units a service knows, from the organisation service's published events only (never its database):
 * a document per unit ({@code branches}, by unit id) with its kind, name, whether it is dissolved, and when it was
 * established and dissolved (the events' business time). A service that keeps records per branch declares it as a
 * bean (its read model {@code branches}) and checks a branch named in a command with {@link #requireActiveBranch};
 * its lists name units with it. Part of the service kit (docs/new-service.md).
 */
public class OrganisationUnitsReadModel implements ReadModel {

    public static final String NAME = "branches";
    public static final String BRANCHES = "branches";

    private final VersionedDocuments units;
    private final MongoCollection<Document> collection;

    public OrganisationUnitsReadModel(MongoDatabase serviceDatabase) {
        this.units = new VersionedDocuments(serviceDatabase, BRANCHES);
        this.collection = serviceDatabase.getCollection(BRANCHES);
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
                update = combine(set("name", established.name()), set("kind", established.kind().name()), set("dissolved", false),
                        set("establishedAt", Date.from(event.occurredAt())));
            } else if (payload instanceof OrganisationUnitRenamed renamed) {
                update = set("name", renamed.name());
            } else if (payload instanceof OrganisationUnitDissolved) {
                update = combine(set("dissolved", true), set("dissolvedAt", Date.from(event.occurredAt())));
            }
            if (update != null) {
                writes.apply(event.aggregateId(), event.sequence(), update);
            }
        }
        writes.flush();
    }

    /** The unit, if the organisation service has published it. */
    public Optional<Unit> unit(String id) {
        return units.find(id).filter(doc -> doc.getString("kind") != null).map(OrganisationUnitsReadModel::unit);
    }

    /** The names of the kinds of unit, for refusals ({@code NOT_A_BRANCH}, {@code ORGANISER_NOT_ELIGIBLE}). */
    public static final Map<String, String> KIND_NAMES = Map.of("COMMITTEE", "党委", "GENERAL_BRANCH", "党总支", "BRANCH", "党支部",
            "PARTY_GROUP", "党小组", "MASS_ORGANISATION", "群团组织");

    /**
     * The branch (党支部) the organisation service published and did not dissolve, or the refusal: {@code BRANCH_UNKNOWN}
     * (the service knows units from their events only, so one established a moment ago may take a few seconds to show),
     * {@code NOT_A_BRANCH}, {@code BRANCH_DISSOLVED}; the arguments of each are the unit's id, its name, its kind in
     * Chinese and in English, for the service's own texts (problems.properties) to say why in its terms.
     */
    public Unit requireActiveBranch(String branchId) {
        Unit unit = unit(branchId).orElseThrow(() -> RuleViolation.notFound("BRANCH_UNKNOWN",
                "There is no organisation unit {0} (a unit established a moment ago shows within seconds)", branchId));
        if (!unit.isBranch()) {
            throw RuleViolation.conflict("NOT_A_BRANCH", "{1} is a {3}, not a branch (党支部)", branchId, unit.name(),
                    KIND_NAMES.getOrDefault(unit.kind(), unit.kind()), unit.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (unit.dissolved()) {
            throw RuleViolation.conflict("BRANCH_DISSOLVED", "Branch {1} is dissolved", branchId, unit.name());
        }
        return unit;
    }

    /** Every branch (党支部) the organisation service has published, dissolved ones too. */
    public List<Unit> branches() {
        List<Unit> found = new ArrayList<>();
        for (Document doc : collection.find(Filters.eq("kind", "BRANCH"))) {
            found.add(unit(doc));
        }
        return found;
    }

    private static Unit unit(Document doc) {
        Date established = doc.getDate("establishedAt");
        Date dissolved = doc.getDate("dissolvedAt");
        return new Unit(doc.getString("_id"), doc.getString("name"), doc.getString("kind"), Boolean.TRUE.equals(doc.getBoolean("dissolved")),
                established == null ? null : established.toInstant(), dissolved == null ? null : dissolved.toInstant());
    }

    /**
     * A unit as the service knows it.
     *
     * @param establishedAt when it was established (business time), or null when the model learnt the unit before it
     *                      kept this (rebuild the model)
     * @param dissolvedAt   when it was dissolved, or null
     */
    public record Unit(String id, String name, String kind, boolean dissolved, Instant establishedAt, Instant dissolvedAt) {

        public boolean isBranch() {
            return "BRANCH".equals(kind);
        }
    }

    @Override
    public void reset() {
        units.drop();
    }
}
