package org.dangjian.runtime.readmodel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents of a read model that are each written by the events of one aggregate, and carry the {@code sequence} of
 * the last event they reflect. A write is applied only to a document that does not yet reflect its event, by a
 * compare-and-set on the sequence it read, so it is safe to repeat (the same event again changes nothing), safe
 * against a stale consumer (an older event never rolls a document back), and independent of the model's other writes
 * for the same event (a repeat after a failure half way does the writes that are still missing).
 *
 * <p>The compare-and-set filters on {@code _id} and {@code sequence}; a unique index on both makes
 * {@code mongo-java-server} serve it by key (on MongoDB the {@code _id} index does).
 */
public final class VersionedDocuments {

    private static final Logger log = LoggerFactory.getLogger(VersionedDocuments.class);
    private static final int ATTEMPTS = 5;
    public static final String SEQUENCE = "sequence";

    private final MongoCollection<Document> collection;

    public VersionedDocuments(MongoDatabase database, String collectionName) {
        this.collection = database.getCollection(collectionName);
        ensureIndex();
    }

    private void ensureIndex() {
        try {
            collection.createIndex(Indexes.ascending("_id", SEQUENCE), new IndexOptions().unique(true).name("version"));
        } catch (RuntimeException e) {
            log.debug("No (_id, sequence) index on {} ({})", collection.getNamespace(), e.toString());
        }
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /**
     * Applies {@code update} to document {@code id} (creating it if absent) and sets its sequence to {@code sequence},
     * unless it already reflects that event or a later one.
     *
     * @return whether it wrote
     */
    public boolean apply(String id, long sequence, Bson update) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Document current = collection.find(eq("_id", id)).projection(new Document(SEQUENCE, 1)).first();
            Object seen = current == null ? null : current.get(SEQUENCE);
            if (seen instanceof Number number && number.longValue() >= sequence) {
                return false;
            }
            try {
                UpdateResult result = collection.updateOne(and(eq("_id", id), eq(SEQUENCE, seen)), combine(update, set(SEQUENCE, sequence)),
                        new UpdateOptions().upsert(current == null));
                if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
                    return true;
                }
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a duplicate key: another writer created it first; read again
                }
            }
        }
        throw new IllegalStateException("Document " + id + " of " + collection.getNamespace() + " kept changing under the write of sequence "
                + sequence);
    }

    /** Drops the collection (before a rebuild) and makes the index again. */
    public void drop() {
        collection.drop();
        ensureIndex();
    }
}
