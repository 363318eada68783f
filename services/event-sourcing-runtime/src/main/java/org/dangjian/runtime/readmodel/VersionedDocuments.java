package org.dangjian.runtime.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.mongo.KeyFilter;
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
 *
 * <p>A {@link #batch() batch} does the writes of many events in two round trips (one read of the documents'
 * sequences by {@code _id $in}, one ordered bulk of compare-and-sets); when any of its compare-and-sets finds the
 * document changed meanwhile, the whole batch is written again one write at a time, which skips what is written.
 */
public final class VersionedDocuments {

    private static final Logger log = LoggerFactory.getLogger(VersionedDocuments.class);
    private static final int ATTEMPTS = 5;
    public static final String SEQUENCE = "sequence";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final UpdateOptions MATCH = new UpdateOptions();

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
            if (reflects(seen, sequence)) {
                return false;
            }
            try {
                UpdateOneModel<Document> write = compareAndSet(id, current != null, seen, sequence, update);
                UpdateResult result = collection.updateOne(write.getFilter(), write.getUpdate(), write.getOptions());
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

    private static boolean reflects(Object seen, long sequence) {
        return seen instanceof Number number && number.longValue() >= sequence;
    }

    /** The write of {@code update} and {@code sequence} if the document still has the sequence {@code seen} (or, absent, is created). */
    private static UpdateOneModel<Document> compareAndSet(String id, boolean exists, Object seen, long sequence, Bson update) {
        return new UpdateOneModel<>(KeyFilter.idAnd(id, SEQUENCE, seen), combine(update, set(SEQUENCE, sequence)), exists ? MATCH : UPSERT);
    }

    /**
     * The writes of events of this collection's records, in one batch: each event's update as {@code updateOf} gives
     * it (null: the event changes nothing here), to the document of its aggregate, compare-and-set on its sequence.
     */
    public void applyAll(List<PublishedEvent> events, java.util.function.Function<PublishedEvent, Bson> updateOf) {
        Batch writes = batch();
        for (PublishedEvent event : events) {
            Bson update = updateOf.apply(event);
            if (update != null) {
                writes.apply(event.aggregateId(), event.sequence(), update);
            }
        }
        writes.flush();
    }

    /** Writes collected and done together by {@link Batch#flush()}, in the order they were given. */
    public Batch batch() {
        return new Batch();
    }

    /** The writes of several events, to documents of this collection; each as {@link #apply} would do it. */
    public final class Batch {

        private record Write(String id, long sequence, Bson update) {
        }

        private final List<Write> writes = new ArrayList<>();

        private Batch() {
        }

        /** Adds a write: {@code update} to document {@code id}, unless it already reflects {@code sequence}. */
        public Batch apply(String id, long sequence, Bson update) {
            writes.add(new Write(id, sequence, update));
            return this;
        }

        /** Does the writes: a read and a bulk write, or, when a document changed meanwhile, one write at a time. */
        public void flush() {
            if (writes.isEmpty()) {
                return;
            }
            Map<String, Object> seen = new HashMap<>();
            for (Document doc : collection.find(in("_id", writes.stream().map(Write::id).distinct().toList()))
                    .projection(new Document(SEQUENCE, 1))) {
                seen.put(doc.getString("_id"), doc.get(SEQUENCE));
            }
            List<UpdateOneModel<Document>> models = new ArrayList<>(writes.size());
            for (Write write : writes) {
                Object current = seen.get(write.id());
                if (reflects(current, write.sequence())) {
                    continue; // reflects it already
                }
                models.add(compareAndSet(write.id(), current != null, current, write.sequence(), write.update()));
                seen.put(write.id(), write.sequence());
            }
            if (!models.isEmpty() && !bulkWrote(models)) {
                for (Write write : writes) {
                    VersionedDocuments.this.apply(write.id(), write.sequence(), write.update());
                }
            }
            writes.clear();
        }

        private boolean bulkWrote(List<UpdateOneModel<Document>> models) {
            try {
                BulkWriteResult result = collection.bulkWrite(models, new BulkWriteOptions().ordered(true));
                return result.getMatchedCount() + result.getUpserts().size() == models.size();
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
                return false; // another writer created a document first
            }
        }
    }

    /** Drops the collection (before a rebuild) and makes the index again. */
    public void drop() {
        collection.drop();
        ensureIndex();
    }
}
