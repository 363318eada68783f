package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.metadata.EventMetadata;
import org.dangjian.runtime.publication.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's event storage on MongoDB, keyed so that every read is by {@code _id} (see {@link EventDocuments}), with a
 * hash chain per aggregate and the outbox written first for guaranteed publication.
 *
 * <p>Appending, per batch: compute each event's hash from its aggregate's previous hash; register the events in the
 * {@link Outbox}; insert them (ordered). A duplicate {@code _id} means another writer took the sequence first: Axon's
 * {@link ConcurrencyException}, which the command layer retries against the new state. There are no Mongo
 * transactions (the embedded server has none): a batch of several events that fails half way keeps its first
 * events; commands here produce one event each, so that does not arise.
 *
 * <p>Nothing streams from this store (AxonIQ does not recommend Mongo for it, and its timestamp tokens can skip
 * events): read models consume Kafka. {@link #readEvents(TrackingToken, boolean)} is therefore refused.
 */
public class KeyedMongoEventStorageEngine implements EventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(KeyedMongoEventStorageEngine.class);
    private static final String SNAPSHOTS = "snapshots";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final EventStoreReader reader;
    private final EventTypeRegistry registry;
    private final EventPayloadCodec codec;
    private final Serializer snapshotSerializer;
    private final Outbox outbox;
    private final List<AppendListener> listeners;
    private final Clock clock;
    private final ChainTips tips = new ChainTips(10_000);

    public KeyedMongoEventStorageEngine(MongoDatabase database, EventStoreReader reader, EventTypeRegistry registry, EventPayloadCodec codec,
                                        Serializer snapshotSerializer, Outbox outbox, List<AppendListener> listeners, Clock clock) {
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.reader = reader;
        this.registry = registry;
        this.codec = codec;
        this.snapshotSerializer = snapshotSerializer;
        this.outbox = outbox;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        createUnpublishedIndex();
    }

    /**
     * On MongoDB a partial index serves the relay's look for events still unpublished; {@code mongo-java-server} does
     * not use it (that look scans, once per relay start).
     */
    private void createUnpublishedIndex() {
        try {
            events.createIndex(Indexes.ascending(EventDocuments.PUBLISHED),
                    new IndexOptions().name("unpublished").partialFilterExpression(eq(EventDocuments.PUBLISHED, false)));
        } catch (RuntimeException e) {
            log.debug("No partial index on unpublished events ({})", e.toString());
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> lastHash = new HashMap<>();
        List<StoredEvent> batch = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            if (!(message instanceof DomainEventMessage<?> domainEvent)) {
                throw new EventStoreException("Only aggregate events are stored; got " + message.getPayloadType().getName());
            }
            String aggregateId = domainEvent.getAggregateIdentifier();
            String prevHash = lastHash.computeIfAbsent(aggregateId, id -> previousHash(id, domainEvent.getSequenceNumber()));
            StoredEvent event = toStoredEvent(domainEvent, recordedAt, prevHash);
            lastHash.put(aggregateId, event.hash());
            batch.add(event);
        }
        outbox.register(batch, recordedAt);
        List<Document> documents = batch.stream().map(e -> EventDocuments.toDocument(e, codec)).toList();
        try {
            events.insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                StoredEvent first = batch.get(0);
                if (first.sequence() == 0) {
                    throw new AggregateStreamCreationException(first.aggregateType() + " " + first.aggregateId() + " already exists");
                }
                throw new ConcurrencyException("Another change to " + first.aggregateType() + " " + first.aggregateId()
                        + " was stored first (sequence " + first.sequence() + " is taken)", e);
            }
            throw new EventStoreException("Could not store events of " + batch.get(0).aggregateId(), e);
        }
        batch.forEach(tips::remember);
        for (AppendListener listener : listeners) {
            try {
                listener.appended(batch);
            } catch (RuntimeException e) {
                log.error("An append listener failed; the events are stored and the publication sweep will catch up", e);
            }
        }
    }

    private String previousHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return CanonicalEvent.GENESIS;
        }
        String known = tips.hashOf(aggregateId, sequence - 1);
        if (known != null) {
            return known;
        }
        return reader.read(aggregateId, sequence - 1)
                .map(StoredEvent::hash)
                .orElseThrow(() -> new ConcurrencyException("Event " + (sequence - 1) + " of " + aggregateId
                        + " is not in the store; the stream changed while the command ran"));
    }

    private StoredEvent toStoredEvent(DomainEventMessage<?> message, Instant recordedAt, String prevHash) {
        Map<String, Object> metadata = message.getMetaData();
        Actor actor = EventMetadata.actor(metadata);
        Instant occurredAt = EventMetadata.occurredAt(metadata, recordedAt).truncatedTo(ChronoUnit.MILLIS);
        String type = registry.typeOf(message.getPayloadType());
        String data = codec.toJson(message.getPayload());
        CanonicalEvent canonical = new CanonicalEvent(message.getIdentifier(), type, message.getAggregateIdentifier(),
                message.getSequenceNumber(), occurredAt, recordedAt, actor, EventMetadata.string(metadata, EventMetadata.CORRELATION_ID),
                EventMetadata.string(metadata, EventMetadata.CAUSATION_ID), data, prevHash);
        return new StoredEvent(message.getIdentifier(), message.getAggregateIdentifier(), message.getType(), message.getSequenceNumber(),
                type, data, occurredAt, recordedAt, actor, canonical.correlationId(), canonical.causationId(),
                EventMetadata.string(metadata, EventMetadata.IDEMPOTENCY_KEY), prevHash, canonical.hash(), false);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<StoredEvent> stream = reader.readStream(aggregateIdentifier, firstSequenceNumber);
        Long last = stream.isEmpty() ? null : stream.get(stream.size() - 1).sequence();
        if (!stream.isEmpty()) {
            tips.remember(stream.get(stream.size() - 1));
        }
        return DomainEventStream.of(stream.stream().map(this::toMessage), () -> last);
    }

    /** An event as Axon's message, for sourcing an aggregate. */
    private DomainEventMessage<?> toMessage(StoredEvent event) {
        Class<?> payloadType = registry.classOf(event.type())
                .orElseThrow(() -> new EventStoreException("Event type " + event.type() + " of " + event.aggregateId()
                        + " is not known to this service (a newer version needs an upcaster)"));
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR_ID, event.actor().id());
        metadata.put(EventMetadata.ACTOR_ROLE, event.actor().role());
        if (event.actor().organisation() != null) {
            metadata.put(EventMetadata.ACTOR_ORG, event.actor().organisation());
        }
        metadata.put(EventMetadata.OCCURRED_AT, event.occurredAt().toString());
        if (event.correlationId() != null) {
            metadata.put(EventMetadata.CORRELATION_ID, event.correlationId());
        }
        if (event.causationId() != null) {
            metadata.put(EventMetadata.CAUSATION_ID, event.causationId());
        }
        return new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                codec.fromJson(event.data(), payloadType), MetaData.from(metadata), event.eventId(), event.recordedAt());
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<StoredEvent> stream = reader.readStream(aggregateIdentifier, 0);
        return stream.isEmpty() ? Optional.empty() : Optional.of(stream.get(stream.size() - 1).sequence());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        SerializedObject<String> serialized = snapshotSerializer.serialize(snapshot.getPayload(), String.class);
        Document doc = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("sequence", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("payloadType", serialized.getType().getName())
                .append("payloadRevision", serialized.getType().getRevision())
                .append("payload", serialized.getData())
                .append("recordedAt", Date.from(snapshot.getTimestamp()));
        // keep the newest snapshot only; both steps by _id (a compound filter would scan on mongo-java-server). Two
        // snapshotters racing may leave the older of two valid snapshots: harmless, snapshots are a cache.
        Document current = snapshots.find(eq("_id", snapshot.getAggregateIdentifier())).projection(new Document("sequence", 1)).first();
        if (current != null && ((Number) current.get("sequence")).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Document doc = snapshots.find(eq("_id", aggregateIdentifier)).first();
        if (doc == null) {
            return Optional.empty();
        }
        Object payload = snapshotSerializer.deserialize(new SimpleSerializedObject<>(doc.getString("payload"), String.class,
                doc.getString("payloadType"), doc.getString("payloadRevision")));
        return Optional.of(new GenericDomainEventMessage<>(doc.getString("aggregateType"), aggregateIdentifier,
                ((Number) doc.get("sequence")).longValue(), payload, MetaData.emptyInstance(), doc.getString("eventId"),
                doc.getDate("recordedAt").toInstant()));
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        throw new UnsupportedOperationException("Nothing streams from the MongoDB event store: read models consume the service's Kafka topic");
    }
}
