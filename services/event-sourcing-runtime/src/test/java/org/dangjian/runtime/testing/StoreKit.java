package org.dangjian.runtime.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.dangjian.runtime.eventstore.AppendListener;
import org.dangjian.runtime.eventstore.Commits;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.EventTypeRegistry;
import org.dangjian.runtime.eventstore.KeyedMongoEventStorageEngine;
import org.dangjian.runtime.eventstore.SnapshotSerializer;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.metadata.EventMetadata;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.testsupport.TestInfrastructure;

/**
 * An event store of its own for one test: a fresh database on the shared test infrastructure, the engine and its
 * parts wired as the service does, and helpers to append events as commands would.
 */
public final class StoreKit implements AutoCloseable {

    public static final Actor STAFF = new Actor("dangwei", "COMMITTEE_STAFF", "00000000-0000-4000-8000-000000000001");

    public final MongoClient client;
    public final MongoDatabase database;
    public final Commits commits;
    public final EventStoreReader reader;
    public final Outbox outbox;
    public final EventTypeRegistry registry;
    public final List<StoredEvent> appended = new ArrayList<>();
    public final KeyedMongoEventStorageEngine engine;
    /** The commands this kit's client has sent, by command name and collection ({@link #commandsSent}). */
    private final Map<String, AtomicLong> commandsSent = new ConcurrentHashMap<>();

    public StoreKit(List<? extends Class<?>> eventTypes) {
        this(eventTypes, List.of());
    }

    public StoreKit(List<? extends Class<?>> eventTypes, List<AppendListener> listeners) {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                org.bson.BsonValue collection = event.getCommand().get(event.getCommandName());
                String target = collection != null && collection.isString() ? collection.asString().getValue() : "";
                commandsSent.computeIfAbsent(event.getCommandName() + " " + target, k -> new AtomicLong()).incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.endpoints().mongoConnectionString()))
                .addCommandListener(counter).build());
        database = client.getDatabase("kit" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        commits = new Commits(database, Clock.systemUTC());
        reader = new EventStoreReader(database, commits);
        outbox = new Outbox(database);
        registry = new EventTypeRegistry(eventTypes);
        List<AppendListener> all = new ArrayList<>(listeners);
        all.add(appended::addAll);
        engine = new KeyedMongoEventStorageEngine(database, reader, commits, registry, new EventPayloadCodec(), SnapshotSerializer.create(),
                outbox, all, Clock.systemUTC());
    }

    /** An event of an aggregate as a command of {@link #STAFF} would produce it. */
    public static DomainEventMessage<?> event(String aggregateType, String aggregateId, long sequence, Object payload) {
        return event(aggregateType, aggregateId, sequence, payload, STAFF);
    }

    public static DomainEventMessage<?> event(String aggregateType, String aggregateId, long sequence, Object payload, Actor actor) {
        Map<String, Object> metadata = new HashMap<>();
        if (actor != null) {
            metadata.put(EventMetadata.ACTOR_ID, actor.id());
            metadata.put(EventMetadata.ACTOR_ROLE, actor.role());
            if (actor.organisation() != null) {
                metadata.put(EventMetadata.ACTOR_ORG, actor.organisation());
            }
        }
        metadata.put(EventMetadata.CORRELATION_ID, "corr-" + aggregateId);
        metadata.put(EventMetadata.OCCURRED_AT, Instant.parse("2022-03-01T09:30:00Z").toString());
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, MetaData.from(metadata));
    }

    /** How many {@code command} (find, update, insert, ...) commands this kit's client has sent to {@code collection}. */
    public long commandsSent(String command, String collection) {
        AtomicLong count = commandsSent.get(command + " " + collection);
        return count == null ? 0 : count.get();
    }

    /** Appends one command's events. */
    public void append(DomainEventMessage<?>... events) {
        engine.appendEvents(List.of(events));
    }

    @Override
    public void close() {
        client.close();
    }
}
