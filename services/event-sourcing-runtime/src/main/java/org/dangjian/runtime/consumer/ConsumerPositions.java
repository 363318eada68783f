package org.dangjian.runtime.consumer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * The last sequence each consumer (read model or reaction) has handled per aggregate:
 * {@code _id = <consumer>|<service>|<aggregateId>}. "Handled" includes events of types the consumer does not declare,
 * which it skips: their sequences count, so skipping leaves no gap.
 */
public final class ConsumerPositions {

    public static final String COLLECTION = "consumer_positions";

    private final MongoCollection<Document> positions;

    public ConsumerPositions(MongoDatabase database) {
        this.positions = database.getCollection(COLLECTION);
    }

    public OptionalLong last(String key) {
        Document doc = positions.find(eq("_id", key)).first();
        return doc == null ? OptionalLong.empty() : OptionalLong.of(((Number) doc.get("sequence")).longValue());
    }

    /**
     * The stored positions of many keys in one round trip ({@code _id $in}, served by the key index on MongoDB and on
     * {@code mongo-java-server}); a key without a stored position is absent from the answer.
     */
    public Map<String, Long> lastAll(Collection<String> keys) {
        Map<String, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        for (Document doc : positions.find(in("_id", keys)).projection(new Document("sequence", 1))) {
            found.put(doc.getString("_id"), ((Number) doc.get("sequence")).longValue());
        }
        return found;
    }

    /**
     * Records many positions in one round trip (a consumer does it once per poll). A position only moves forward
     * ({@code $max}): a consumer that lost its partitions and finishes a stale poll cannot move it back.
     */
    public void recordAll(String consumer, Map<String, Long> byKey) {
        if (byKey.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(byKey.size());
        byKey.forEach((key, sequence) -> writes.add(new UpdateOneModel<>(eq("_id", key),
                Updates.combine(Updates.set("consumer", consumer), Updates.max("sequence", sequence)),
                new UpdateOptions().upsert(true))));
        positions.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Forgets every position of a consumer (before a rebuild; scans the positions, fine for a rare operator act). */
    public void clear(String consumer) {
        positions.deleteMany(eq("consumer", consumer));
    }

    /** The key of a consumer's position in an aggregate of a service. */
    public static String key(String consumer, String service, String aggregateId) {
        return consumer + "|" + service + "|" + aggregateId;
    }
}
