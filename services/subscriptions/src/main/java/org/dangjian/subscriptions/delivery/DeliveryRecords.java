package org.dangjian.subscriptions.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * Every delivery to a department (投递记录, {@code deliveries}): a document per subscription and journal position
 * ({@code _id} {@code <subscriptionId>:<position>}), with the event it carried, the fields left out, how many tries it
 * took, the last answer, and where it stands: {@code DELIVERED}, {@code RETRYING} (a webhook waiting for its next try),
 * {@code DEAD_LETTER} (a webhook that failed every try, until it is redelivered on request). Auditors, committee staff
 * and the department itself read them. Written only by the delivery; a record is updated as its tries go, never
 * removed.
 */
@Component
public class DeliveryRecords {

    public static final String DELIVERIES = "deliveries";

    private final MongoCollection<Document> deliveries;
    private final Clock clock;

    public DeliveryRecords(MongoDatabase serviceDatabase, Clock clock) {
        this.deliveries = serviceDatabase.getCollection(DELIVERIES);
        this.clock = clock;
        deliveries.createIndex(Indexes.ascending("subscriptionId", "position"));
        deliveries.createIndex(Indexes.ascending("state", "nextAttemptAt"));
    }

    static String id(String subscriptionId, long position) {
        return subscriptionId + ":" + position;
    }

    private Document base(Grant grant, Document entry, List<String> masked) {
        return new Document("subscriptionId", grant.subscriptionId()).append("department", grant.department())
                .append("channel", grant.channel()).append("position", entry.getLong("_id")).append("eventId", entry.getString("eventId"))
                .append("eventType", entry.getString("type")).append("source", entry.getString("source"))
                .append("subject", entry.getString("subject")).append("masked", masked);
    }

    /** An event written to the subscription's Kafka topic and acknowledged by the broker: delivered. */
    public void written(Grant grant, Document entry, List<String> masked, String topic) {
        delivered(grant, entry, masked, "topic", topic);
    }

    /** An event sent on a stream: delivered (a second send after a resume counts a second attempt). */
    public void streamed(Grant grant, Document entry, List<String> masked, String connection) {
        delivered(grant, entry, masked, "connection", connection);
    }

    private void delivered(Grant grant, Document entry, List<String> masked, String where, String value) {
        Date now = Date.from(clock.instant());
        List<Bson> set = new ArrayList<>();
        base(grant, entry, masked).forEach((key, v) -> set.add(Updates.set(key, v)));
        set.add(Updates.set("state", "DELIVERED"));
        set.add(Updates.set("lastAttemptAt", now));
        set.add(Updates.set("deliveredAt", now));
        set.add(Updates.set(where, value));
        set.add(Updates.setOnInsert("firstAttemptAt", now));
        set.add(Updates.inc("attempts", 1));
        deliveries.updateOne(Filters.eq("_id", id(grant.subscriptionId(), entry.getLong("_id"))), Updates.combine(set),
                new UpdateOptions().upsert(true));
    }

    /** A webhook try's outcome. */
    public Document attempted(Grant grant, Document entry, List<String> masked, boolean delivered, Integer status, String error,
                              DeliverySettings settings) {
        String id = id(grant.subscriptionId(), entry.getLong("_id"));
        Document current = deliveries.find(Filters.eq("_id", id)).first();
        int roundAttempts = (current == null ? 0 : current.getInteger("roundAttempts", 0)) + 1;
        Instant now = clock.instant();
        List<Bson> set = new ArrayList<>();
        base(grant, entry, masked).forEach((key, value) -> set.add(Updates.set(key, value)));
        set.add(Updates.setOnInsert("firstAttemptAt", Date.from(now)));
        set.add(Updates.inc("attempts", 1));
        set.add(Updates.set("roundAttempts", roundAttempts));
        set.add(Updates.set("lastAttemptAt", Date.from(now)));
        set.add(Updates.set("lastStatus", status));
        set.add(Updates.set("lastError", error));
        if (delivered) {
            set.add(Updates.set("state", "DELIVERED"));
            set.add(Updates.set("deliveredAt", Date.from(now)));
            set.add(Updates.set("nextAttemptAt", null));
        } else if (roundAttempts >= settings.maxAttempts()) {
            set.add(Updates.set("state", "DEAD_LETTER"));
            set.add(Updates.set("nextAttemptAt", null));
            set.add(Updates.set("deadLetteredAt", Date.from(now)));
        } else {
            set.add(Updates.set("state", "RETRYING"));
            set.add(Updates.set("nextAttemptAt", Date.from(now.plus(settings.backoff(roundAttempts)))));
        }
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(set), new UpdateOptions().upsert(true));
        return deliveries.find(Filters.eq("_id", id)).first();
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", id)).first());
    }

    /** A dead letter asked to be delivered again: a new round of tries, at once. */
    public boolean requestRedelivery(String id, String by) {
        Date now = Date.from(clock.instant());
        return deliveries.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "DEAD_LETTER")),
                Updates.combine(Updates.set("state", "RETRYING"), Updates.set("roundAttempts", 0), Updates.set("nextAttemptAt", now),
                        Updates.push("redeliveries", new Document("by", by).append("at", now)))).getModifiedCount() == 1;
    }

    /** The webhook deliveries of a subscription due for a try now, oldest position first. */
    public List<Document> due(String subscriptionId) {
        return deliveries.find(Filters.and(Filters.eq("subscriptionId", subscriptionId), Filters.eq("state", "RETRYING")))
                .sort(Sorts.ascending("position")).into(new ArrayList<>()).stream()
                .filter(d -> d.getDate("nextAttemptAt") == null || !d.getDate("nextAttemptAt").toInstant().isAfter(clock.instant())).toList();
    }

    /** Whether a webhook delivery of the subscription after its cursor waits for its next try (the later events wait behind it). */
    public boolean retryingAfter(String subscriptionId, long cursor) {
        return deliveries.find(Filters.and(Filters.eq("subscriptionId", subscriptionId), Filters.eq("state", "RETRYING"), Filters.gt("position", cursor)))
                .first() != null;
    }

    /** A page of the records, newest first, by subscription, department and state (each may be null). */
    public PageOf<Document> page(String subscriptionId, String department, String state, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (subscriptionId != null) {
            filters.add(Filters.eq("subscriptionId", subscriptionId));
        }
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        if (state != null) {
            filters.add(Filters.eq("state", state));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = deliveries.countDocuments(filter);
        List<Document> items = deliveries.find(filter).sort(Sorts.orderBy(Sorts.descending("lastAttemptAt"), Sorts.descending("_id")))
                .skip(page * size).limit(size).into(new ArrayList<>());
        return new PageOf<>(items, page, size, total);
    }
}
