package org.dangjian.runtime.platform;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.members.MemberAccountLinked;
import org.dangjian.contracts.members.MemberAccountUnlinked;
import org.dangjian.contracts.members.MemberTransferConfirmed;
import org.dangjian.contracts.members.MemberTransferReceived;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;

/**
 * The members as the members service publishes them, as far as other services need them (never its database): a
 * document per member ({@code member_directory}, by member id) with his name, his branch (following transfers: a member
 * belongs to the receiving branch once it received him, to none once he left the platform) and his login name (given
 * with the application, or linked and unlinked later). It names members in another service's lists, and decides which
 * of its records about a member a secretary (his branch's members) and a party member (his own) read. No personal
 * data. A service declares it as a bean (its read model {@code member-directory}); part of the service kit
 * (docs/new-service.md).
 */
public class MemberDirectoryReadModel implements ReadModel {

    public static final String NAME = "member-directory";
    public static final String DIRECTORY = "member_directory";

    private final VersionedDocuments members;
    private final MongoCollection<Document> collection;

    public MemberDirectoryReadModel(MongoDatabase serviceDatabase) {
        this.members = new VersionedDocuments(serviceDatabase, DIRECTORY);
        this.collection = serviceDatabase.getCollection(DIRECTORY);
        collection.createIndex(Indexes.ascending("username"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(MembershipApplicationReceived.class, MemberTransferReceived.class, MemberTransferConfirmed.class,
                MemberAccountLinked.class, MemberAccountUnlinked.class);
    }

    @Override
    public List<String> collections() {
        return List.of(DIRECTORY);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        VersionedDocuments.Batch writes = members.batch();
        for (PublishedEvent event : events) {
            Bson update = null;
            if (event.payload() instanceof MembershipApplicationReceived application) {
                update = combine(set("name", application.name()), set("branchId", application.branchId()), set("username", application.username()));
            } else if (event.payload() instanceof MemberTransferReceived received) {
                update = set("branchId", received.toBranchId());
            } else if (event.payload() instanceof MemberTransferConfirmed confirmed && confirmed.toOrganisation() != null) {
                update = set("branchId", null); // left the platform
            } else if (event.payload() instanceof MemberAccountLinked linked) {
                update = set("username", linked.username());
            } else if (event.payload() instanceof MemberAccountUnlinked) {
                update = set("username", null);
            }
            if (update != null) {
                writes.apply(event.aggregateId(), event.sequence(), update);
            }
        }
        writes.flush();
    }

    /** A member as the service knows him. */
    public record Member(String id, String name, String branchId, String username) {
    }

    public Optional<Member> member(String id) {
        return members.find(id).filter(doc -> doc.getString("name") != null).map(MemberDirectoryReadModel::member);
    }

    /** The member whose login name this is, if the members service linked one. */
    public Optional<Member> byUsername(String username) {
        return Optional.ofNullable(collection.find(eq("username", username)).first()).map(MemberDirectoryReadModel::member);
    }

    /** The members of these ids the service knows, by id. */
    public Map<String, Member> members(Collection<String> ids) {
        Map<String, Member> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : collection.find(Filters.in("_id", new ArrayList<>(ids)))) {
                found.put(doc.getString("_id"), member(doc));
            }
        }
        return found;
    }

    private static Member member(Document doc) {
        return new Member(doc.getString("_id"), doc.getString("name"), doc.getString("branchId"), doc.getString("username"));
    }

    @Override
    public void reset() {
        members.drop();
        collection.createIndex(Indexes.ascending("username"));
    }
}
