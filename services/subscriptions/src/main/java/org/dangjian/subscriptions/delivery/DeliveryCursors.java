package org.dangjian.subscriptions.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Where each webhook or Kafka subscription's delivery stands in the journal ({@code delivery_cursors}: the last position
 * settled, one document per subscription); a stream's cursor is its client's {@code Last-Event-ID} instead.
 */
@Component
public class DeliveryCursors {

    static final String CURSORS = "delivery_cursors";

    private final MongoCollection<Document> cursors;

    public DeliveryCursors(MongoDatabase serviceDatabase) {
        this.cursors = serviceDatabase.getCollection(CURSORS);
    }

    /** The last position settled, or the one before the grant's start when nothing was delivered yet. */
    long of(Grant grant) {
        Document cursor = cursors.find(Filters.eq("_id", grant.subscriptionId())).first();
        return cursor == null ? Math.max(0, grant.fromPosition() - 1) : cursor.get("position", Number.class).longValue();
    }

    /** Moves the cursor forward to {@code position} (never back). */
    void moveTo(Grant grant, long position) {
        cursors.updateOne(Filters.eq("_id", grant.subscriptionId()), Updates.max("position", position), new UpdateOptions().upsert(true));
    }
}
