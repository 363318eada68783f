package org.dangjian.subscriptions.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.PersonalData;
import org.dangjian.contracts.subscriptions.SubscriptionGrantChanged;
import org.dangjian.contracts.subscriptions.SubscriptionGranted;
import org.dangjian.contracts.subscriptions.SubscriptionRefused;
import org.dangjian.contracts.subscriptions.SubscriptionRequested;
import org.dangjian.contracts.subscriptions.SubscriptionRevoked;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * The subscriptions as they stand ({@code subscriptions}, a document per subscription, written only by its own events,
 * compare-and-set on the sequence): the department, what it asked for, what is granted now, the decision that ended it,
 * and who decided when. The delivery reads the grants from here.
 */
@Component
public class SubscriptionsReadModel implements ReadModel {

    public static final String NAME = "subscriptions";
    static final String SUBSCRIPTIONS = "subscriptions";

    private final VersionedDocuments documents;
    private final MongoCollection<Document> collection;

    public SubscriptionsReadModel(MongoDatabase serviceDatabase) {
        this.documents = new VersionedDocuments(serviceDatabase, SUBSCRIPTIONS);
        this.collection = serviceDatabase.getCollection(SUBSCRIPTIONS);
        indexes();
    }

    private void indexes() {
        collection.createIndex(Indexes.ascending("state", "requestedAt"));
        collection.createIndex(Indexes.ascending("department", "requestedAt"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(SubscriptionRequested.class, SubscriptionGranted.class, SubscriptionRefused.class, SubscriptionGrantChanged.class,
                SubscriptionRevoked.class);
    }

    @Override
    public List<String> collections() {
        return List.of(SUBSCRIPTIONS);
    }

    @Override
    public void reset() {
        indexes();
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        documents.applyAll(events, SubscriptionsReadModel::update);
    }

    private static Bson update(PublishedEvent event) {
        Object payload = event.payload();
        Document by = new Document("id", event.actor() == null ? null : event.actor().id())
                .append("role", event.actor() == null ? null : event.actor().role());
        Date at = Date.from(event.recordedAt());
        if (payload instanceof SubscriptionRequested e) {
            return combine(set("department", e.department()), set("departmentName", e.departmentName()), set("state", "REQUESTED"),
                    set("channel", e.channel().name()), set("webhookUrl", e.webhookUrl()), set("requestedAt", at),
                    set("requested", new Document("eventTypes", e.eventTypes()).append("organisationUnitId", e.organisationUnitId())
                            .append("personalData", names(e.personalData())).append("purpose", e.purpose()).append("requestedAt", at)));
        }
        if (payload instanceof SubscriptionGranted e) {
            return combine(set("state", "GRANTED"), set("grant", new Document("eventTypes", e.eventTypes()).append("personalData", names(e.personalData()))
                    .append("deliverHistory", e.deliverHistory()).append("fromPosition", e.fromPosition()).append("reason", e.reason())
                    .append("by", by).append("at", at).append("grantedAt", at)));
        }
        if (payload instanceof SubscriptionGrantChanged e) {
            return combine(set("grant.eventTypes", e.eventTypes()), set("grant.personalData", names(e.personalData())), set("grant.reason", e.reason()),
                    set("grant.by", by), set("grant.at", at));
        }
        if (payload instanceof SubscriptionRefused e) {
            return combine(set("state", "REFUSED"), set("decision", new Document("outcome", "REFUSED").append("reason", e.reason()).append("by", by)
                    .append("at", at)));
        }
        if (payload instanceof SubscriptionRevoked e) {
            return combine(set("state", "REVOKED"), set("decision", new Document("outcome", "REVOKED").append("reason", e.reason()).append("by", by)
                    .append("at", at)));
        }
        throw new IllegalArgumentException("Not a subscription event: " + event.type());
    }

    private static List<String> names(List<PersonalData.Kind> kinds) {
        return kinds == null ? List.of() : kinds.stream().map(Enum::name).toList();
    }

    public Optional<Document> find(String id) {
        return documents.find(id);
    }

    /** The granted subscriptions delivered by this channel (a webhook's or Kafka delivery's working set). */
    public List<Document> granted(String channel) {
        return collection.find(Filters.and(Filters.eq("state", "GRANTED"), Filters.eq("channel", channel))).into(new ArrayList<>());
    }

    /** A page of the subscriptions, newest request first, by state and department (either may be null). */
    public PageOf<Document> page(String state, String department, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (state != null) {
            filters.add(Filters.eq("state", state));
        }
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = collection.countDocuments(filter);
        List<Document> items = collection.find(filter).sort(Sorts.orderBy(Sorts.descending("requestedAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size).into(new ArrayList<>());
        return new PageOf<>(items, page, size, total);
    }
}
