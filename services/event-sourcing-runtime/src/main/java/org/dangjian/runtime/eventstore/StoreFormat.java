package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * The version of the store's layout and hash rule, kept in {@code store_format}. A service refuses to start on a store
 * written in another format rather than misread it or report intact chains as broken: format 2 stores payloads as the
 * exact published text and hashes {@code aggregatetype} (docs/event-store.md); format 1 (before runtime v2) did
 * neither, and is not migrated (nothing was released with it).
 */
final class StoreFormat {

    static final int CURRENT = 2;
    static final String COLLECTION = "store_format";

    private StoreFormat() {
    }

    static void check(MongoDatabase database) {
        MongoCollection<Document> format = database.getCollection(COLLECTION);
        Document doc = format.find(eq("_id", "event-store")).first();
        if (doc != null) {
            int version = ((Number) doc.get("version")).intValue();
            if (version != CURRENT) {
                throw new IllegalStateException(refusal(database, "format " + version));
            }
            return;
        }
        if (database.getCollection(EventDocuments.COLLECTION).find().limit(1).first() != null) {
            throw new IllegalStateException(refusal(database, "format 1 (written before runtime v2)"));
        }
        format.replaceOne(eq("_id", "event-store"), new Document("_id", "event-store").append("version", CURRENT),
                new ReplaceOptions().upsert(true));
    }

    private static String refusal(MongoDatabase database, String found) {
        return "The event store in database " + database.getName() + " is in " + found + "; this version reads format " + CURRENT
                + ". Start on an empty store (for the embedded default: move the data directory away).";
    }
}
