package org.dangjian.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.metadata.Actor;

/**
 * Fills a service's event store with synthetic, already published streams (ten events per aggregate, the real layout
 * and size, the body stored as text as the store does), written straight to MongoDB in batches: what a few years of
 * use leave behind. Their hashes are placeholders: nothing here verifies them. Being published, the relay passes them
 * over and no read model sees them; they only make the store big.
 */
final class EventStorePrefill {

    /** Who did the prefilled history: a member of staff, no organisation. */
    private static final Actor HISTORY = new Actor("history", "COMMITTEE_STAFF", null);
    private static final int BATCH = 1000;

    private final String connectionString;
    private final String database;

    /**
     * @param connectionString the MongoDB server ({@code mongodb://127.0.0.1:27017})
     * @param database         the service's database (named after the service: {@code organisation})
     */
    EventStorePrefill(String connectionString, String database) {
        this.connectionString = connectionString;
        this.database = database;
    }

    /** Adds events until the store holds {@code size}; returns how many it added. */
    long fillTo(long size) {
        long missing = size - storedEvents();
        add(missing);
        return Math.max(0, missing);
    }

    /** Adds {@code events} synthetic events. */
    void add(long events) {
        if (events <= 0) {
            return;
        }
        long began = System.nanoTime();
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> store = client.getDatabase(database).getCollection(EventDocuments.COLLECTION);
            List<Document> batch = new ArrayList<>(BATCH);
            String aggregate = null;
            for (long i = 0; i < events; i++) {
                long sequence = i % 10;
                if (sequence == 0) {
                    aggregate = UUID.randomUUID().toString();
                }
                batch.add(syntheticEvent(aggregate, sequence));
                if (batch.size() == BATCH) {
                    store.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.insertMany(batch, new InsertManyOptions().ordered(false));
            }
        }
        System.out.printf("prefilled %,d events in %.0f s%n", events, (System.nanoTime() - began) / 1e9);
    }

    long storedEvents() {
        try (MongoClient client = MongoClients.create(connectionString)) {
            return client.getDatabase(database).getCollection(EventDocuments.COLLECTION).estimatedDocumentCount();
        }
    }

    /** The store's own document of a published rename: no correlation, causation or idempotency key, no open commit. */
    private static Document syntheticEvent(String aggregate, long sequence) {
        StoredEvent event = new StoredEvent(UUID.randomUUID().toString(), aggregate, "OrganisationUnit", sequence,
                "org.dangjian.organisation.OrganisationUnitRenamed.v1",
                "{\"unitId\":\"" + aggregate + "\",\"previousName\":\"历史名称\",\"name\":\"历史名称" + sequence + "\"}",
                Instant.now(), Instant.now(), HISTORY, null, null, null, "0".repeat(64), "0".repeat(64), true);
        return EventDocuments.toDocument(event, null);
    }
}
