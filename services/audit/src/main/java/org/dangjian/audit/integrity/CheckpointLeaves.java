package org.dangjian.audit.integrity;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.dangjian.audit.checkpoint.Merkle;
import org.springframework.stereotype.Component;

/**
 * The leaves of every checkpoint, kept by root (content-addressed: the same leaves always give the same root): the
 * signed root proves them, so they are the checkpoint's data, not a read model, and are never rebuilt or dropped.
 * Written before the checkpoint is signed, in chunks of {@value #CHUNK} leaves.
 */
@Component
public class CheckpointLeaves {

    static final int CHUNK = 2000;

    private final MongoCollection<Document> leaves;

    public CheckpointLeaves(MongoDatabase serviceDatabase) {
        this.leaves = serviceDatabase.getCollection("checkpoint_leaves");
        leaves.createIndex(Indexes.ascending("root", "chunk"));
    }

    /** Keeps the leaves (sorted) under their root; safe to repeat. */
    public void save(String root, List<Merkle.Leaf> sorted) {
        int chunks = Math.max(1, (sorted.size() + CHUNK - 1) / CHUNK);
        for (int chunk = 0; chunk < chunks; chunk++) {
            List<Document> part = new ArrayList<>();
            for (Merkle.Leaf leaf : sorted.subList(chunk * CHUNK, Math.min(sorted.size(), (chunk + 1) * CHUNK))) {
                part.add(new Document("s", leaf.service()).append("a", leaf.aggregateId()).append("c", leaf.count()).append("h", leaf.head()));
            }
            String id = root + "|" + chunk;
            leaves.replaceOne(eq("_id", id), new Document("_id", id).append("root", root).append("chunk", chunk).append("of", chunks)
                    .append("leaves", part), new ReplaceOptions().upsert(true));
        }
    }

    /** The leaves under a root, in their order. */
    public List<Merkle.Leaf> load(String root) {
        List<Merkle.Leaf> all = new ArrayList<>();
        for (Document chunk : leaves.find(eq("root", root)).sort(Sorts.ascending("chunk"))) {
            for (Document leaf : chunk.getList("leaves", Document.class)) {
                all.add(new Merkle.Leaf(leaf.getString("s"), leaf.getString("a"), leaf.get("c", Number.class).longValue(), leaf.getString("h")));
            }
        }
        return all;
    }
}
