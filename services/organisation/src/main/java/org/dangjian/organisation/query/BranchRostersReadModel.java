package org.dangjian.organisation.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.members.MemberAdmittedAsProbationary;
import org.dangjian.contracts.members.MemberConfirmedAsFullMember;
import org.dangjian.contracts.members.MemberDesignatedActivist;
import org.dangjian.contracts.members.MemberDesignatedDevelopmentObject;
import org.dangjian.contracts.members.MemberPoliticalReviewConcluded;
import org.dangjian.contracts.members.MemberProbationCancelled;
import org.dangjian.contracts.members.MemberTransferConfirmed;
import org.dangjian.contracts.members.MemberTransferReceived;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * The branches' rosters (支部党员名册), from the members service's published events only: a document per member
 * ({@code roster}, by member id, written by that member's events) with his name, his stage on the way into the party
 * and the branch he belongs to. The branch follows his transfers: it changes when the receiving branch receives him
 * ({@code MemberTransferReceived}), and is cleared when a transfer out of the platform is confirmed. No personal data
 * beyond the name is kept.
 */
@Component
public class BranchRostersReadModel implements ReadModel {

    public static final String NAME = "branch-rosters";
    static final String ROSTER = "roster";
    /** The stages in the members service's order (its published language: see docs/api.md). */
    static final List<String> STAGES = List.of("APPLICANT", "ACTIVIST", "DEVELOPMENT_OBJECT", "POLITICALLY_REVIEWED", "PROBATIONARY",
            "FULL_MEMBER", "PROBATION_CANCELLED");
    private static final Comparator<Document> BY_STAGE_AND_NAME = Comparator.comparing((Document doc) -> -STAGES.indexOf(doc.getString("stage")))
            .thenComparing(doc -> doc.getString("name")).thenComparing(doc -> doc.getString("_id"));

    private final VersionedDocuments members;
    private final MongoCollection<Document> collection;

    public BranchRostersReadModel(MongoDatabase serviceDatabase) {
        this.members = new VersionedDocuments(serviceDatabase, ROSTER);
        this.collection = serviceDatabase.getCollection(ROSTER);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(MembershipApplicationReceived.class, MemberDesignatedActivist.class, MemberDesignatedDevelopmentObject.class,
                MemberPoliticalReviewConcluded.class, MemberAdmittedAsProbationary.class, MemberConfirmedAsFullMember.class,
                MemberProbationCancelled.class, MemberTransferReceived.class, MemberTransferConfirmed.class);
    }

    @Override
    public List<String> collections() {
        return List.of(ROSTER);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        members.applyAll(events, event -> update(event.payload()));
    }

    private static Bson update(Object payload) {
        if (payload instanceof MembershipApplicationReceived applied) {
            return combine(set("name", applied.name()), set("branchId", applied.branchId()), set("stage", "APPLICANT"));
        }
        if (payload instanceof MemberDesignatedActivist) {
            return set("stage", "ACTIVIST");
        }
        if (payload instanceof MemberDesignatedDevelopmentObject) {
            return set("stage", "DEVELOPMENT_OBJECT");
        }
        if (payload instanceof MemberPoliticalReviewConcluded review) {
            return set("stage", review.conclusion() == PoliticalReviewConclusion.PASSED ? "POLITICALLY_REVIEWED" : "DEVELOPMENT_OBJECT");
        }
        if (payload instanceof MemberAdmittedAsProbationary) {
            return set("stage", "PROBATIONARY");
        }
        if (payload instanceof MemberConfirmedAsFullMember) {
            return set("stage", "FULL_MEMBER");
        }
        if (payload instanceof MemberProbationCancelled) {
            return set("stage", "PROBATION_CANCELLED");
        }
        if (payload instanceof MemberTransferReceived received) {
            return set("branchId", received.toBranchId());
        }
        if (payload instanceof MemberTransferConfirmed confirmed && confirmed.toOrganisation() != null) {
            return set("branchId", null);
        }
        return null;
    }

    /**
     * A branch's roster: how many stand at each stage, and a page of them, full members first, then by name.
     *
     * @param partyMembers probationary and full members (党员), the others being on their way in
     */
    public record Roster(String unitId, long total, long partyMembers, Map<String, Long> stages, List<RosterEntry> items, int page, int size) {
    }

    /** A member on a roster: no personal data but the name. */
    public record RosterEntry(String memberId, String name, String stage) {
    }

    /** The roster of one unit (its own members, not its subordinates'). */
    public Roster roster(String unitId, int page, int size) {
        List<Document> docs = new ArrayList<>();
        collection.find(eq("branchId", unitId)).forEach(doc -> {
            if (doc.getString("stage") != null) {
                docs.add(doc);
            }
        });
        docs.sort(BY_STAGE_AND_NAME);
        Map<String, Long> stages = new LinkedHashMap<>();
        STAGES.forEach(stage -> stages.put(stage, 0L));
        docs.forEach(doc -> stages.merge(doc.getString("stage"), 1L, Long::sum));
        PageOf<RosterEntry> entries = PageOf.of(docs, page, size)
                .map(list -> list.stream().map(doc -> new RosterEntry(doc.getString("_id"), doc.getString("name"), doc.getString("stage"))).toList());
        return new Roster(unitId, docs.size(), stages.get("PROBATIONARY") + stages.get("FULL_MEMBER"), stages, entries.items(), page, size);
    }

    /** The member on the unit's roster, if he is on it now. */
    public java.util.Optional<RosterEntry> entry(String unitId, String memberId) {
        Document doc = collection.find(eq("_id", memberId)).first();
        return doc == null || doc.getString("stage") == null || !unitId.equals(doc.getString("branchId")) ? java.util.Optional.empty()
                : java.util.Optional.of(new RosterEntry(memberId, doc.getString("name"), doc.getString("stage")));
    }

    @Override
    public void reset() {
        members.drop();
    }
}
