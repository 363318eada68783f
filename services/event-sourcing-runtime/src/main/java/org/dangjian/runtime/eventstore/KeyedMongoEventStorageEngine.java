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
import com.mongodb.MongoWriteException;
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
 * <p>Appending one command's events (Axon hands over every event of a unit of work in one call, of one aggregate or
 * of several): compute each event's hash from its aggregate's previous hash; register the events in the
 * {@link Outbox}; store them as one commit. One event is one insert, the commit point. Several events are one
 * {@link Commits commit}: all of them become visible together, or none. A sequence that is taken means another
 * writer was first: {@link AggregateConflictException} (or {@link AggregateAlreadyExistsException} for a stream's
 * first event), naming that aggregate; the outbox entries of a failed append are removed again, so a refused command
 * never republishes anything.
 *
 * <p>Payloads are stored as the JSON text that is hashed and published. An event type this service does not know
 * cannot be loaded into an aggregate: events are versioned in {@code contracts}, and a change an old reader could not
 * read is a new type ({@code .v2}) that the aggregate handles beside the old one, so no upcasting happens here.
 *
 * <p>Nothing streams from this store (AxonIQ does not recommend Mongo for it, and its timestamp tokens can skip
 * events): read models consume Kafka. {@link #readEvents(TrackingToken, boolean)} is therefore refused.
 */
public class KeyedMongoEventStorageEngine implements EventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(KeyedMongoEventStorageEngine.class);
    private static final String SNAPSHOTS = "snapshots";

    /** How a multi-event commit inserts its marked documents (tests put a failing one in its place). */
    @FunctionalInterface
    interface CommitWriter {
        void insert(MongoCollection<Document> events, List<Document> documents);
    }

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final EventStoreReader reader;
    private final Commits commits;
    private final EventTypeRegistry registry;
    private final EventPayloadCodec codec;
    private final Serializer snapshotSerializer;
    private final Outbox outbox;
    private final List<AppendListener> listeners;
    private final Clock clock;
    private final CommitWriter writer;
    private final ChainTips tips = new ChainTips(10_000);

    public KeyedMongoEventStorageEngine(MongoDatabase database, EventStoreReader reader, Commits commits, EventTypeRegistry registry,
                                        EventPayloadCodec codec, Serializer snapshotSerializer, Outbox outbox, List<AppendListener> listeners,
                                        Clock clock) {
        this(database, reader, commits, registry, codec, snapshotSerializer, outbox, listeners, clock,
                (collection, documents) -> collection.insertMany(documents, new InsertManyOptions().ordered(true)));
    }

    KeyedMongoEventStorageEngine(MongoDatabase database, EventStoreReader reader, Commits commits, EventTypeRegistry registry,
                                 EventPayloadCodec codec, Serializer snapshotSerializer, Outbox outbox, List<AppendListener> listeners,
                                 Clock clock, CommitWriter writer) {
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.reader = reader;
        this.commits = commits;
        this.registry = registry;
        this.codec = codec;
        this.snapshotSerializer = snapshotSerializer;
        this.outbox = outbox;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.writer = writer;
        StoreFormat.check(database);
        createUnpublishedIndex();
    }

    /**
     * On MongoDB a partial index serves the relay's look for events still unpublished; {@code mongo-java-server} does
     * not use it (that look scans, once per relay start and then hourly).
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
        CommandDeadline.check();
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> lastHash = new HashMap<>();
        List<StoredEvent> batch = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            if (!(message instanceof DomainEventMessage<?> domainEvent)) {
                throw new EventStoreException("Only aggregate events are stored; got " + message.getPayloadType().getName());
            }
            String aggregateId = domainEvent.getAggregateIdentifier();
            String prevHash = lastHash.computeIfAbsent(aggregateId, id -> previousHash(domainEvent));
            StoredEvent event = toStoredEvent(domainEvent, recordedAt, prevHash);
            lastHash.put(aggregateId, event.hash());
            batch.add(event);
        }
        outbox.register(batch, recordedAt);
        try {
            if (batch.size() == 1) {
                insertOne(batch.get(0));
            } else {
                insertCommit(batch);
            }
        } catch (NothingStoredException e) {
            try {
                outbox.unregister(batch); // these entries name these event ids alone: nobody else's are touched
            } catch (RuntimeException cleanup) {
                e.getCause().addSuppressed(cleanup); // the relay drops entries whose events never appear
            }
            throw e.getCause();
        }
        // an uncertain failure (the database stopped answering mid-write) propagates as it is: the entries stay, so an
        // event that was stored after all is published, and one that was not is dropped by the relay in time
        batch.forEach(tips::remember);
        for (AppendListener listener : listeners) {
            try {
                listener.appended(batch);
            } catch (RuntimeException e) {
                log.error("An append listener failed; the events are stored and the publication sweep will catch up", e);
            }
        }
    }

    /** A failure after which it is certain that none of the command's events was stored. */
    private static final class NothingStoredException extends RuntimeException {

        NothingStoredException(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private void insertOne(StoredEvent event) {
        deadlineOrNothingStored();
        try {
            events.insertOne(EventDocuments.toDocument(event, null));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new NothingStoredException(conflict(event, e));
            }
            throw new EventStoreException("Could not store event " + event.sequence() + " of " + event.aggregateId(), e);
        }
    }

    /**
     * Several events: a pending commit record, the marked events, then the compare-and-set that commits them. The
     * deadline is checked before each step; once it has passed the commit is aborted instead. Removing the marks
     * ("settling") is left to the sweep, which does it for many commits at once.
     */
    private void insertCommit(List<StoredEvent> batch) {
        List<String> documentIds = batch.stream().map(StoredEvent::documentId).toList();
        deadlineOrNothingStored();
        String commit;
        try {
            commit = commits.begin(documentIds);
        } catch (RuntimeException e) {
            throw new NothingStoredException(new EventStoreException("Could not begin the commit of " + batch.size() + " events", e));
        }
        try {
            CommandDeadline.check();
            writer.insert(events, batch.stream().map(e -> EventDocuments.toDocument(e, commit)).toList());
            CommandDeadline.check();
        } catch (RuntimeException e) {
            if (commits.abort(commit)) {
                commits.cleanUp(commit, documentIds);
            }
            // aborted by us or by a reader: either way none of these events will ever be visible
            if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                    && ErrorCategory.fromErrorCode(bulk.getWriteErrors().get(0).getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw new NothingStoredException(conflict(batch.get(bulk.getWriteErrors().get(0).getIndex()), e));
            }
            if (e instanceof CommandDeadline.DeadlineExceededException) {
                throw new NothingStoredException(e);
            }
            throw new NothingStoredException(new EventStoreException("Could not store the " + batch.size()
                    + " events of one command; none was kept", e));
        }
        if (!commits.commit(commit)) {
            // a reader found it pending too long and aborted it (and removes the events): nothing is stored
            StoredEvent first = batch.get(0);
            throw new NothingStoredException(new AggregateConflictException(first.aggregateType(), first.aggregateId(), first.sequence(),
                    "The command's events were not committed in time; nothing was stored", null));
        }
    }

    private static void deadlineOrNothingStored() {
        try {
            CommandDeadline.check();
        } catch (CommandDeadline.DeadlineExceededException e) {
            throw new NothingStoredException(e);
        }
    }

    /**
     * The sequence is taken: by a committed event (a real conflict, or an existing aggregate), by a commit still at
     * work (retry), by the pending commit of an earlier attempt of this very request whose instance died (aborted
     * here, then retry), or by the leftover of an aborted commit (removed here, then retry).
     */
    private RuntimeException conflict(StoredEvent event, Throwable cause) {
        Document blocking = events.find(eq("_id", event.documentId())).first();
        String commit = blocking == null ? null : blocking.getString(EventDocuments.COMMIT);
        if (commit != null) {
            Commits.State state = commits.states(List.of(commit)).get(commit);
            if (state == Commits.State.PENDING && event.idempotencyKey() != null
                    && event.idempotencyKey().equals(blocking.getString(EventDocuments.IDEMPOTENCY_KEY))
                    && event.actor().id().equals(blocking.get(EventDocuments.ACTOR, Document.class).getString("id"))) {
                if (commits.abortAndCleanUp(commit)) {
                    log.info("Aborted commit {} of an earlier attempt of the same request ({}) whose writer is gone", commit,
                            event.idempotencyKey());
                }
            } else if (state == Commits.State.ABORTED || state == Commits.State.UNKNOWN) {
                commits.removeLeftover(event.documentId(), commit);
            }
            if (state != Commits.State.COMMITTED) {
                return new AggregateConflictException(event.aggregateType(), event.aggregateId(), event.sequence(),
                        "Sequence " + event.sequence() + " of " + event.aggregateId() + " is held by a commit that is not (yet) committed", cause);
            }
        }
        if (event.sequence() == 0 && blocking != null) {
            return new AggregateAlreadyExistsException(event.aggregateType(), event.aggregateId());
        }
        return new AggregateConflictException(event.aggregateType(), event.aggregateId(), event.sequence(),
                "Another change to " + event.aggregateType() + " " + event.aggregateId() + " was stored first (sequence "
                        + event.sequence() + " is taken)", cause);
    }

    private String previousHash(DomainEventMessage<?> message) {
        String aggregateId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        if (sequence == 0) {
            return CanonicalEvent.GENESIS;
        }
        String known = tips.hashOf(aggregateId, sequence - 1);
        if (known != null) {
            return known;
        }
        return reader.read(aggregateId, sequence - 1)
                .map(StoredEvent::hash)
                .orElseThrow(() -> new AggregateConflictException(message.getType(), aggregateId, sequence, "Event " + (sequence - 1)
                        + " of " + aggregateId + " is not in the store; the stream changed while the command ran", null));
    }

    private StoredEvent toStoredEvent(DomainEventMessage<?> message, Instant recordedAt, String prevHash) {
        Map<String, Object> metadata = message.getMetaData();
        Actor actor = EventMetadata.requireActor(metadata, "Event " + message.getPayloadType().getSimpleName() + " of "
                + message.getAggregateIdentifier());
        Instant occurredAt = EventMetadata.occurredAt(metadata, recordedAt).truncatedTo(ChronoUnit.MILLIS);
        String type = registry.typeOf(message.getPayloadType());
        String data = codec.toJson(message.getPayload());
        CanonicalEvent canonical = new CanonicalEvent(message.getIdentifier(), type, message.getAggregateIdentifier(), message.getType(),
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
                        + " is not known to this version of the service; run the version that wrote it, or a newer one"));
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
