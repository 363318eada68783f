package org.dangjian.runtime.readmodel;

import static com.mongodb.client.model.Filters.eq;

import java.util.OptionalLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** The last sequence each read model has applied per aggregate ({@code _id = <model>|<aggregateId>}). */
public final class ReadModelPositions {

    public static final String COLLECTION = "read_model_positions";

    private final MongoCollection<Document> positions;

    public ReadModelPositions(MongoDatabase database) {
        this.positions = database.getCollection(COLLECTION);
    }

    public OptionalLong last(String model, String aggregateId) {
        Document doc = positions.find(eq("_id", key(model, aggregateId))).first();
        return doc == null ? OptionalLong.empty() : OptionalLong.of(((Number) doc.get("sequence")).longValue());
    }

    /**
     * Records many positions in one round trip (a consumer does it once per poll). A position only moves forward
     * ({@code $max}): a consumer that lost its partitions and finishes a stale poll cannot move it back.
     */
    public void recordAll(String model, java.util.Map<String, Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        java.util.List<com.mongodb.client.model.WriteModel<Document>> writes = new java.util.ArrayList<>(sequences.size());
        sequences.forEach((aggregateId, sequence) -> writes.add(new com.mongodb.client.model.UpdateOneModel<>(eq("_id", key(model, aggregateId)),
                com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.set("model", model),
                        com.mongodb.client.model.Updates.max("sequence", sequence)),
                new com.mongodb.client.model.UpdateOptions().upsert(true))));
        positions.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    /** Forgets every position of a model (before a rebuild; scans the positions, which is fine for a rare admin act). */
    public void clear(String model) {
        positions.deleteMany(eq("model", model));
    }

    private static String key(String model, String aggregateId) {
        return model + "|" + aggregateId;
    }
}
