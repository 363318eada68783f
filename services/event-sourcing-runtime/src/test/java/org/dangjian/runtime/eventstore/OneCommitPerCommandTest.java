package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dangjian.runtime.testing.StoreKit.event;

import java.time.Clock;
import java.time.Instant;

import java.util.Date;
import java.util.List;

import com.mongodb.MongoSocketWriteException;
import com.mongodb.ServerAddress;
import org.bson.Document;
import org.dangjian.runtime.metadata.EventMetadata;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.DrillEvents.DrillCancelled;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.DrillScheduled;
import org.dangjian.runtime.testing.StoreKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One command's events are one commit: all stored or none, whether the command changed one aggregate or several,
 * and whatever fails half way. A refused append leaves nothing behind, not even an outbox entry.
 */
class OneCommitPerCommandTest {

    private StoreKit kit;

    @BeforeEach
    void setUp() {
        kit = new StoreKit(DrillEvents.DRILLS);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    /** The engine of the kit's store, but inserting a multi-event commit's documents through {@code writer}. */
    private KeyedMongoEventStorageEngine engineWriting(KeyedMongoEventStorageEngine.CommitWriter writer) {
        return new KeyedMongoEventStorageEngine(kit.database, kit.reader, kit.commits, kit.registry, new EventPayloadCodec(),
                SnapshotSerializer.create(), kit.outbox, List.of(), Clock.systemUTC(), writer);
    }

    private long rawEvents() {
        return kit.database.getCollection(EventDocuments.COLLECTION).countDocuments();
    }

    @Test
    void aTwoEventCommandWhoseSecondInsertFailsLeavesNothingStored() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        KeyedMongoEventStorageEngine failing = engineWriting((events, documents) -> {
            events.insertOne(documents.get(0));
            throw new MongoSocketWriteException("the database went away after the first insert", new ServerAddress(), new java.io.IOException());
        });

        assertThatThrownBy(() -> failing.appendEvents(List.of(
                event("Drill", "d1", 1, new DrillHeld("d1", "m1")),
                event("Drill", "d2", 0, new DrillScheduled("d2", "应急演练", "m2")))))
                .hasMessageContaining("none was kept");

        assertThat(kit.reader.readStream("d1", 0)).extracting(StoredEvent::sequence).containsExactly(0L);
        assertThat(kit.reader.readStream("d2", 0)).isEmpty();
        assertThat(rawEvents()).as("the first insert was removed again, not merely hidden").isEqualTo(1);
        assertThat(kit.outbox.pending(100)).extracting(Outbox.Entry::aggregateId).containsExactly("d1");
        assertThat(kit.database.getCollection(Commits.COLLECTION).countDocuments()).as("the aborted commit is cleaned up").isZero();

        kit.append(event("Drill", "d1", 1, new DrillHeld("d1", "m1")), event("Drill", "d2", 0, new DrillScheduled("d2", "应急演练", "m2")));
        assertThat(kit.reader.readStream("d1", 0)).hasSize(2);
        assertThat(kit.reader.readStream("d2", 0)).hasSize(1);
    }

    @Test
    void aConflictOnTheSecondAggregateKeepsNothingOfTheFirstAndNamesTheSecond() {
        kit.append(event("Drill", "d2", 0, new DrillScheduled("d2", "应急演练", "m2")));
        kit.append(event("Drill", "d2", 1, new DrillCancelled("d2")));

        assertThatThrownBy(() -> kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")),
                event("Drill", "d2", 1, new DrillHeld("d2", "m2"))))
                .isInstanceOfSatisfying(AggregateConflictException.class, conflict -> {
                    assertThat(conflict.aggregateId()).isEqualTo("d2");
                    assertThat(conflict.sequence()).isEqualTo(1);
                });

        assertThat(kit.reader.readStream("d1", 0)).isEmpty();
        assertThat(kit.outbox.pending(100)).extracting(Outbox.Entry::aggregateId).containsOnly("d2").hasSize(2);
    }

    @Test
    void creatingAnAggregateThatExistsIsRefusedAndRepublishesNothing() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        kit.outbox.remove(kit.outbox.pending(100).stream().map(Outbox.Entry::key).toList()); // published meanwhile

        assertThatThrownBy(() -> kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "另一个演练", "m9"))))
                .isInstanceOfSatisfying(AggregateAlreadyExistsException.class, e -> assertThat(e.aggregateId()).isEqualTo("d1"));

        assertThat(kit.outbox.pending(100)).as("the refused event's entry is gone, and the stored one is not queued again").isEmpty();
        assertThat(kit.reader.readStream("d1", 0)).singleElement().extracting(e -> e.data()).asString().contains("消防演练");
    }

    @Test
    void aCommitStillPendingIsInvisibleUntilCommittedAndAnAbandonedOneIsAbortedByTheNextReader() throws InterruptedException {
        String commit = kit.commits.begin(List.of(EventDocuments.documentId("d1", 0)));
        StoredEvent pending = storedEvent("d1", 0);
        kit.database.getCollection(EventDocuments.COLLECTION).insertOne(EventDocuments.toDocument(pending, commit));

        assertThat(kit.reader.readStream("d1", 0)).as("pending: not there for readers").isEmpty();
        assertThat(kit.commits.commit(commit)).isTrue();
        assertThat(kit.reader.readStream("d1", 0)).as("committed, not yet settled").hasSize(1);
        assertThat(kit.commits.sweep()).as("settled by the sweep").isEqualTo(1);
        assertThat(kit.database.getCollection(EventDocuments.COLLECTION).find(eq("_id", "d1:0000000000")).first())
                .doesNotContainKey(EventDocuments.COMMIT);

        String abandoned = kit.commits.begin(List.of(EventDocuments.documentId("d2", 0)));
        kit.database.getCollection(Commits.COLLECTION).updateOne(eq("_id", abandoned),
                new Document("$set", new Document("startedAt", Date.from(Instant.now().minus(Commits.ABANDON_PENDING_AFTER).minusSeconds(1)))));
        kit.database.getCollection(EventDocuments.COLLECTION).insertOne(EventDocuments.toDocument(storedEvent("d2", 0), abandoned));

        assertThat(kit.reader.readStream("d2", 0)).isEmpty();
        Thread.sleep(Commits.SEEN_PENDING_AT_LEAST.toMillis() + 100); // old by the writer's clock, and seen pending here long enough
        assertThat(kit.reader.readStream("d2", 0)).isEmpty();
        assertThat(rawEvents()).as("the reader aborted it and removed its event").isEqualTo(1);
        assertThat(kit.commits.commit(abandoned)).as("its writer, had it lived, can no longer commit it").isFalse();
        kit.append(event("Drill", "d2", 0, new DrillScheduled("d2", "应急演练", "m2")));
        assertThat(kit.reader.readStream("d2", 0)).hasSize(1);
    }

    @Test
    void aLeftoverOfAnAbortedCommitIsInvisibleAndTheNextWriterAtThatSequenceRemovesIt() {
        // an aborted commit whose record is gone, but one of its inserts landed late
        kit.database.getCollection(EventDocuments.COLLECTION).insertOne(EventDocuments.toDocument(storedEvent("d3", 0), "gone-commit"));
        assertThat(kit.reader.readStream("d3", 0)).isEmpty();

        assertThatThrownBy(() -> kit.append(event("Drill", "d3", 0, new DrillScheduled("d3", "演练", "m3"))))
                .as("the first attempt finds the leftover in its way, removes it, and asks to be retried")
                .isInstanceOf(AggregateConflictException.class);
        kit.append(event("Drill", "d3", 0, new DrillScheduled("d3", "演练", "m3")));
        assertThat(kit.reader.readStream("d3", 0)).singleElement().extracting(StoredEvent::eventId).isNotEqualTo("e-d3-0");
    }

    @Test
    void aRetryOfTheSameRequestAbortsThePendingCommitItsDeadFirstAttemptLeftBehind() {
        StoredEvent first = storedEvent("d4", 0);
        StoredEvent attempt = new StoredEvent(first.eventId(), first.aggregateId(), first.aggregateType(), 0, first.type(), first.data(),
                first.occurredAt(), first.recordedAt(), first.actor(), null, null, "key-9", first.prevHash(), first.hash(), false);
        String commit = kit.commits.begin(List.of(attempt.documentId()));
        kit.database.getCollection(EventDocuments.COLLECTION).insertOne(EventDocuments.toDocument(attempt, commit));
        java.util.Map<String, Object> metadata = new java.util.HashMap<>(event("Drill", "d4", 0, null).getMetaData());
        metadata.put(org.dangjian.runtime.metadata.EventMetadata.IDEMPOTENCY_KEY, "key-9");
        var retry = new org.axonframework.eventhandling.GenericDomainEventMessage<>("Drill", "d4", 0, new DrillScheduled("d4", "演练", "m4"),
                org.axonframework.messaging.MetaData.from(metadata));

        assertThatThrownBy(() -> kit.engine.appendEvents(List.of(retry))).isInstanceOf(AggregateConflictException.class);
        assertThat(kit.database.getCollection(Commits.COLLECTION).find(eq("_id", commit)).first()).as("aborted and cleaned up").isNull();
        kit.engine.appendEvents(List.of(retry));
        assertThat(kit.reader.readStream("d4", 0)).hasSize(1);
    }

    @Test
    void aCommandsEventsAreVisibleAsSoonAsCommittedAndTheSweepSettlesManyCommitsAtOnce() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")), event("Drill", "d2", 0, new DrillScheduled("d2", "应急演练", "m2")));
        kit.append(event("Drill", "d1", 1, new DrillHeld("d1", "m1")), event("Drill", "d2", 1, new DrillHeld("d2", "m2")));
        assertThat(kit.reader.readStream("d1", 0)).hasSize(2);
        assertThat(kit.database.getCollection(Commits.COLLECTION).countDocuments()).as("the writer leaves settling to the sweep").isEqualTo(2);

        assertThat(kit.commits.sweep()).isEqualTo(2);

        assertThat(kit.database.getCollection(Commits.COLLECTION).countDocuments()).isZero();
        assertThat(kit.database.getCollection(EventDocuments.COLLECTION).find(new Document(EventDocuments.COMMIT, new Document("$exists", true))))
                .as("no event carries a mark any more").isEmpty();
        assertThat(kit.reader.readStream("d2", 0)).hasSize(2);
    }

    @Test
    void theSweepSettlesCommittedLeftoversAndCleansUpAbortedOnes() {
        String committed = kit.commits.begin(List.of(EventDocuments.documentId("d1", 0)));
        kit.database.getCollection(EventDocuments.COLLECTION).insertOne(EventDocuments.toDocument(storedEvent("d1", 0), committed));
        kit.commits.commit(committed);
        String aborted = kit.commits.begin(List.of(EventDocuments.documentId("d2", 0)));
        kit.database.getCollection(EventDocuments.COLLECTION).insertOne(EventDocuments.toDocument(storedEvent("d2", 0), aborted));
        kit.commits.abort(aborted);
        kit.database.getCollection(Commits.COLLECTION).updateMany(new Document(), new Document("$set", new Document("startedAt",
                Date.from(Instant.now().minusSeconds(3600))).append("abortedAt", Date.from(Instant.now().minusSeconds(3600)))));

        assertThat(kit.commits.sweep()).isEqualTo(2);

        assertThat(kit.database.getCollection(Commits.COLLECTION).countDocuments()).isZero();
        assertThat(kit.reader.readStream("d1", 0)).hasSize(1);
        assertThat(rawEvents()).isEqualTo(1);
    }

    @Test
    void anEventWithoutAnActorIsNeverStored() {
        assertThatThrownBy(() -> kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1"), null)))
                .isInstanceOf(EventMetadata.MissingActorException.class);
        assertThat(rawEvents()).isZero();
        assertThat(kit.outbox.pending(10)).isEmpty();
    }

    @Test
    void theStoredBodyIsTheExactTextThatIsHashed() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练 \"一\"", "m1")));
        Document raw = kit.database.getCollection(EventDocuments.COLLECTION).find(eq("_id", "d1:0000000000")).first();
        StoredEvent stored = kit.reader.read("d1", 0).orElseThrow();

        assertThat(raw.get(EventDocuments.DATA)).isEqualTo("{\"drillId\":\"d1\",\"title\":\"消防演练 \\\"一\\\"\",\"memberId\":\"m1\"}");
        assertThat(stored.canonical().hash()).isEqualTo(stored.hash());
        assertThat(stored.canonical().canonicalJson()).contains("\"aggregatetype\":\"Drill\"");
    }

    @Test
    void aNumberThatReadersCouldReadDifferentlyIsRefused() {
        assertThatThrownBy(() -> EventPayloadCodec.requireInteroperable("{\"points\":9007199254740993}"))
                .isInstanceOf(EventPayloadCodec.NonInteroperablePayloadException.class);
        assertThatThrownBy(() -> EventPayloadCodec.requireInteroperable("{\"points\":1e400}"))
                .isInstanceOf(EventPayloadCodec.NonInteroperablePayloadException.class);
        EventPayloadCodec.requireInteroperable("{\"points\":9007199254740992,\"share\":0.1,\"list\":[1,2.5]}");
    }

    @Test
    void aStoreOfAnotherFormatIsRefusedRatherThanMisread() {
        kit.database.getCollection(StoreFormat.COLLECTION).drop();
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        kit.database.getCollection(StoreFormat.COLLECTION).drop();

        assertThatThrownBy(() -> StoreFormat.check(kit.database)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format 1").hasMessageContaining("move the data directory away");
    }

    private static StoredEvent storedEvent(String aggregateId, long sequence) {
        String data = "{\"drillId\":\"" + aggregateId + "\",\"title\":\"演练\",\"memberId\":\"m\"}";
        Instant time = Instant.parse("2022-03-01T09:30:00Z");
        CanonicalEvent canonical = new CanonicalEvent("e-" + aggregateId + "-" + sequence, "org.dangjian.drills.DrillScheduled.v1", aggregateId,
                "Drill", sequence, time, time, StoreKit.STAFF, null, null, data, CanonicalEvent.GENESIS);
        return new StoredEvent(canonical.id(), aggregateId, "Drill", sequence, canonical.type(), data, time, time, StoreKit.STAFF, null, null,
                null, CanonicalEvent.GENESIS, canonical.hash(), false);
    }

}
