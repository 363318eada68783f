package org.dangjian.runtime.consumer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.runtime.testing.StoreKit.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.DrillEvents.DrillCancelled;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.DrillHeldV2;
import org.dangjian.runtime.testing.DrillEvents.DrillScheduled;
import org.dangjian.testsupport.Eventually;
import org.dangjian.runtime.testing.StoreKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read model's or reaction's consumer on its own, with Kafka's {@link MockConsumer}: each aggregate's events in
 * order and once, undeclared types passed over, gaps repaired, and an event that keeps failing stopping its aggregate
 * only, until it is fixed or an operator says so.
 */
class ConsumerRunnerTest {

    private static final String TOPIC = "dangjian.drills.events";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    StoreKit kit;
    private final CloudEventCodec codec = new CloudEventCodec("drills");
    final MockConsumer<String, byte[]> kafka = new MockConsumer<>("earliest");
    private final MockConsumer<String, byte[]> rereader = new MockConsumer<>("earliest");
    final List<PublishedEvent> handled = Collections.synchronizedList(new ArrayList<>());
    volatile boolean poisoned;
    ConsumerRunner runner;
    private ConsumerPositions positions;
    private ParkedAggregates parked;
    private ConsumerProgress progress;
    long offset;

    @BeforeEach
    void setUp() {
        kit = new StoreKit(DrillEvents.DRILLS);
        positions = new ConsumerPositions(kit.database);
        parked = new ParkedAggregates(kit.database);
        progress = new ConsumerProgress(positions, parked);
        kafka.schedulePollTask(() -> {
            kafka.rebalance(List.of(PARTITION));
            kafka.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
    }

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.stop();
        }
        kit.close();
    }

    /**
     * Whether the consumer takes a poll's events in batches ({@link BatchedConsumerRunnerTest} runs every test here
     * so): its batch handler calls the single-event handler for each, so a failing event fails the whole batch.
     */
    boolean batched() {
        return false;
    }

    /** Sizes of the batches the batch handler was given. */
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    void run(String ownService, Subscription subscription, Consumer<PublishedEvent> handler) {
        Consumer<List<PublishedEvent>> batchHandler = batched() ? events -> {
            batchSizes.add(events.size());
            events.forEach(handler);
        } : null;
        EventConsumer consumer = new EventConsumer("drill-board", EventConsumer.Kind.READ_MODEL, subscription, handler, List.of(), () -> { },
                batchHandler);
        runner = newRunner(consumer, ownService, kafka);
        runner.start();
        Eventually.that(() -> assertThat(kafka.assignment()).contains(PARTITION));
    }

    /** A runner of the consumer in {@code ownService}, reading the drills' topic with {@code groupConsumer}; not started. */
    private ConsumerRunner newRunner(EventConsumer consumer, String ownService, MockConsumer<String, byte[]> groupConsumer) {
        return newRunner(consumer, ownService, groupConsumer, Duration.ZERO);
    }

    /** The same, writing its positions and committing its offsets at most once per {@code checkpointInterval}. */
    private ConsumerRunner newRunner(EventConsumer consumer, String ownService, MockConsumer<String, byte[]> groupConsumer,
                                     Duration checkpointInterval) {
        return new ConsumerRunner(consumer, ownService, Map.of(TOPIC, "drills"), () -> groupConsumer, () -> rereader, codec, new EventPayloadCodec(),
                positions, parked, progress, kit.reader, kit.outbox, kit.database, Clock.systemUTC(),
                new ConsumerRunner.Settings(2, Duration.ofMillis(300), Duration.ofSeconds(5), checkpointInterval), new SimpleMeterRegistry());
    }

    void run(Subscription subscription) {
        run("drills", subscription, event -> {
            if (poisoned && event.aggregateId().equals("d1") && event.sequence() == 1) {
                throw new IllegalStateException("this event cannot be applied");
            }
            handled.add(event);
        });
    }

    StoredEvent store(String aggregateId, long sequence, Object payload) {
        kit.append(event("Drill", aggregateId, sequence, payload));
        return kit.reader.read(aggregateId, sequence).orElseThrow();
    }

    static ConsumerRecord<String, byte[]> record(StoredEvent event, long offset) {
        ProducerRecord<String, byte[]> produced = new CloudEventCodec("drills").toRecord(TOPIC, event);
        return new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1, produced.key(), produced.value(),
                produced.headers(), Optional.empty());
    }

    /** The partition, read again from its start, holds these events at offsets 0, 1, ... and ends after the last. */
    private void rereaderHolds(StoredEvent... events) {
        rereader.updateBeginningOffsets(Map.of(PARTITION, 0L));
        rereader.updateEndOffsets(Map.of(PARTITION, (long) events.length));
        rereader.schedulePollTask(() -> {
            for (int i = 0; i < events.length; i++) {
                rereader.addRecord(record(events[i], i));
            }
        });
    }

    /** Where {@link #deliver} adds records: {@link #kafka} unless a test says otherwise. */
    MockConsumer<String, byte[]> deliverTo;

    void deliver(StoredEvent... events) {
        for (StoredEvent event : events) {
            (deliverTo != null ? deliverTo : kafka).addRecord(record(event, offset++));
        }
    }

    /**
     * The sequences of the aggregate's events the model was given, in order; batched, each once (a batch that failed
     * is applied again one event at a time, and a model's writes are safe to repeat: see BatchedConsumerRunnerTest).
     */
    List<Long> handledOf(String aggregateId) {
        synchronized (handled) {
            List<Long> sequences = handled.stream().filter(e -> e.aggregateId().equals(aggregateId)).map(PublishedEvent::sequence).toList();
            return batched() ? sequences.stream().distinct().toList() : sequences;
        }
    }

    long position(String aggregateId) {
        return positions.last(ConsumerPositions.key("drill-board", "drills", aggregateId)).orElse(-1);
    }

    @Test
    void eachAggregatesEventsAreHandledInOrderAndOnceDecodedToTheirRecords() {
        run(Subscription.to(DrillEvents.DRILLS));
        StoredEvent s0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent s1 = store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent s2 = store("d1", 2, new DrillCancelled("d1"));
        deliver(s0, s1, s1, s2, s0);

        Eventually.that(() -> assertThat(position("d1")).isEqualTo(2));
        assertThat(handledOf("d1")).containsExactly(0L, 1L, 2L);
        assertThat(handled.get(1).payload()).isEqualTo(new DrillHeld("d1", "m1"));
    }

    @Test
    void typesTheSubscriptionDoesNotDeclareArePassedOverAndLeaveNoGap() {
        run(Subscription.to(DrillHeld.class));
        deliver(store("d1", 0, new DrillScheduled("d1", "消防演练", "m1")), store("d1", 1, new DrillHeld("d1", "m1")),
                store("d1", 2, new DrillCancelled("d1")), store("d2", 0, new DrillScheduled("d2", "应急演练", "m2")));

        Eventually.that(() -> assertThat(position("d2")).isZero());
        Eventually.that(() -> assertThat(position("d1")).isEqualTo(2));
        assertThat(handledOf("d1")).containsExactly(1L);
        assertThat(handledOf("d2")).isEmpty();
        assertThat(runner.parkedCount()).isZero();
    }

    @Test
    void aNewerVersionOfADeclaredTypeStopsItsAggregateInsteadOfBeingPassedOver() {
        run(Subscription.to(DrillScheduled.class, DrillHeld.class));
        deliver(store("d1", 0, new DrillScheduled("d1", "消防演练", "m1")), store("d1", 1, new DrillHeldV2("d1", "m1", 90)),
                store("d2", 0, new DrillScheduled("d2", "应急演练", "m2")));

        Eventually.that(() -> assertThat(handledOf("d2")).containsExactly(0L));
        Eventually.that(() -> assertThat(runner.parked()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(ParkedAggregates.Reason.UNKNOWN_VERSION);
            assertThat(p.sequence()).isEqualTo(1);
        }));
        assertThat(position("d1")).isZero();
    }

    @Test
    void aPoisonedEventStopsItsAggregateOnlyAndResumesWhenAnOperatorSaysSo() {
        poisoned = true;
        run(Subscription.to(DrillEvents.DRILLS));
        deliver(store("d1", 0, new DrillScheduled("d1", "消防演练", "m1")), store("d1", 1, new DrillHeld("d1", "m1")),
                store("d2", 0, new DrillScheduled("d2", "应急演练", "m2")), store("d1", 2, new DrillCancelled("d1")),
                store("d2", 1, new DrillHeld("d2", "m2")));

        Eventually.that(() -> assertThat(handledOf("d2")).containsExactly(0L, 1L));
        Eventually.that(() -> assertThat(runner.parkedCount()).isEqualTo(1));
        ParkedAggregates.Parked stopped = runner.parked().get(0);
        assertThat(stopped.aggregateId()).isEqualTo("d1");
        assertThat(stopped.reason()).isEqualTo(ParkedAggregates.Reason.FAILED);
        assertThat(stopped.sequence()).isEqualTo(1);
        assertThat(stopped.error()).contains("this event cannot be applied");
        Eventually.that(() -> assertThat(runner.parked().get(0).heldTo()).as("its later event is held, not lost").isEqualTo(2));
        assertThat(handledOf("d1")).containsExactly(0L);
        assertThat(progress.await("drill-board", "drills", "d1", 2, Duration.ofSeconds(5)))
                .as("read-your-writes answers at once that the record is stopped").isEqualTo(ConsumerProgress.Outcome.PARKED);

        poisoned = false; // the cause is fixed
        assertThat(runner.retry("drills", "d1")).isTrue();

        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L, 1L, 2L));
        Eventually.that(() -> assertThat(runner.parkedCount()).isZero());
        assertThat(position("d1")).isEqualTo(2);
        assertThat(kit.database.getCollection(ParkedAggregates.COLLECTION).countDocuments()).as("held events released").isZero();
    }

    @Test
    void anOperatorMayPassOverTheEventAnAggregateStoppedAtAndTheHeldOnesAreApplied() {
        poisoned = true;
        run(Subscription.to(DrillEvents.DRILLS));
        deliver(store("d1", 0, new DrillScheduled("d1", "消防演练", "m1")), store("d1", 1, new DrillHeld("d1", "m1")),
                store("d1", 2, new DrillCancelled("d1")));
        Eventually.that(() -> assertThat(runner.parkedCount()).isEqualTo(1));

        assertThat(runner.skip("drills", "d1")).isTrue();
        assertThat(runner.skip("drills", "nobody")).isFalse();

        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L, 2L));
        Eventually.that(() -> assertThat(runner.parkedCount()).isZero());
    }

    @Test
    void aStoppedAggregateResumesByItselfOnceTheCauseIsGone() {
        poisoned = true;
        run(Subscription.to(DrillEvents.DRILLS));
        deliver(store("d1", 0, new DrillScheduled("d1", "消防演练", "m1")), store("d1", 1, new DrillHeld("d1", "m1")));
        Eventually.that(() -> assertThat(runner.parkedCount()).isEqualTo(1));

        poisoned = false;

        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L, 1L));
        Eventually.that(() -> assertThat(runner.parkedCount()).isZero());
    }

    @Test
    void aGapInTheServicesOwnTopicIsRepairedFromItsStoreAndQueuedForPublicationAgain() {
        run(Subscription.to(DrillEvents.DRILLS));
        StoredEvent s0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent s2 = store("d1", 2, new DrillCancelled("d1"));
        kit.outbox.remove(kit.outbox.pending(10).stream().map(Outbox.Entry::key).toList());
        deliver(s0, s2);

        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L, 1L, 2L));
        assertThat(kit.outbox.pending(10)).extracting(Outbox.Entry::sequence).as("every other consumer missed it too").containsExactly(1L);
    }

    @Test
    void aGapInAnotherServicesTopicIsFilledByReadingItsPartitionAgain() {
        StoredEvent s0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent s1 = store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent s2 = store("d1", 2, new DrillCancelled("d1"));
        rereaderHolds(s0, s1, s2);
        run("tally", Subscription.to(DrillEvents.DRILLS), handled::add);
        kafka.addRecord(record(s0, 0));
        kafka.addRecord(record(s2, 2)); // offset 1 is where this consumer did not see s1

        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L, 1L, 2L));
        assertThat(runner.parkedCount()).isZero();
    }

    @Test
    void aGapThatCannotBeFilledStopsTheAggregateUntilTheMissingEventArrives() {
        StoredEvent s0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent s1 = store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent s2 = store("d1", 2, new DrillCancelled("d1"));
        rereaderHolds(s0);
        run("tally", Subscription.to(DrillEvents.DRILLS), handled::add);
        kafka.addRecord(record(s0, 0));
        kafka.addRecord(record(s2, 1));

        Eventually.that(() -> assertThat(runner.parked()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(ParkedAggregates.Reason.GAP);
            assertThat(p.sequence()).isEqualTo(1);
        }));
        assertThat(handledOf("d1")).containsExactly(0L);

        kafka.addRecord(record(s1, 2)); // published late by its service

        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L, 1L, 2L));
        Eventually.that(() -> assertThat(runner.parkedCount()).isZero()); // the count follows the release
    }

    @Test
    void aRebuildShowsItsProgressUntilItHasConsumedWhatItsTopicsHeldWhenItStartedAndThenThatItIsDone() {
        run(Subscription.to(DrillEvents.DRILLS));
        ReadModelsEndpoint endpoint = new ReadModelsEndpoint(new ConsumerRunners(List.of(runner)));
        StoredEvent s0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent s1 = store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent s2 = store("d1", 2, new DrillCancelled("d1"));
        StoredEvent t0 = store("d2", 0, new DrillScheduled("d2", "应急演练", "m2"));
        deliver(s0, s1, s2, t0);
        Eventually.that(() -> assertThat(position("d2")).isZero());
        assertThat(runner.rebuildProgress()).as("never rebuilt since the process started").isEmpty();
        assertThat(summary(endpoint)).doesNotContainKey("rebuild");

        kafka.updateEndOffsets(Map.of(PARTITION, 4L));
        Instant asked = Instant.now();
        runner.requestRebuild();
        ConsumerRunner.RebuildProgress requested = runner.rebuildProgress().orElseThrow();
        assertThat(requested.state()).as("running from the request on").isEqualTo(ConsumerRunner.RebuildProgress.State.RUNNING);
        assertThat(requested.requestedAt()).isAfterOrEqualTo(asked.minusMillis(1));
        Eventually.that(() -> assertThat(runner.rebuildProgress().orElseThrow()).satisfies(p -> {
            assertThat(p.eventsTotal()).as("the end offsets when it started").isEqualTo(4);
            assertThat(p.eventsConsumed()).isZero();
            assertThat(p.state()).isEqualTo(ConsumerRunner.RebuildProgress.State.RUNNING);
            assertThat(p.requestedAt()).isEqualTo(requested.requestedAt());
        }));
        assertThat(position("d1")).as("rewound").isEqualTo(-1);

        kafka.addRecord(record(s0, 0));
        kafka.addRecord(record(s1, 1));
        Eventually.that(() -> assertThat(runner.rebuildProgress().orElseThrow().eventsConsumed()).isEqualTo(2));
        Map<String, Object> running = rebuildOf(endpoint);
        assertThat(running).containsOnlyKeys("state", "requestedAt", "eventsTotal", "eventsConsumed")
                .containsEntry("state", "RUNNING").containsEntry("eventsTotal", 4L).containsEntry("eventsConsumed", 2L)
                .containsEntry("requestedAt", requested.requestedAt().toString());
        assertThat(runner.rebuildProgress().orElseThrow().finishedAt()).isNull();

        kafka.addRecord(record(s2, 2));
        kafka.addRecord(record(t0, 3));
        Eventually.that(() -> assertThat(runner.rebuildProgress().orElseThrow().state()).isEqualTo(ConsumerRunner.RebuildProgress.State.DONE));
        ConsumerRunner.RebuildProgress done = runner.rebuildProgress().orElseThrow();
        assertThat(done.eventsConsumed()).isEqualTo(done.eventsTotal()).isEqualTo(4);
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.requestedAt());
        assertThat(position("d1")).as("the model holds what the topic held").isEqualTo(2);
        assertThat(position("d2")).isZero();
        assertThat(rebuildOf(endpoint)).containsOnlyKeys("state", "requestedAt", "finishedAt", "eventsTotal", "eventsConsumed")
                .containsEntry("state", "DONE").containsEntry("eventsTotal", 4L).containsEntry("eventsConsumed", 4L)
                .containsEntry("finishedAt", done.finishedAt().toString());

        StoredEvent s3 = store("d1", 3, new DrillHeld("d1", "m1"));
        kafka.addRecord(record(s3, 4)); // arrives after the rebuild: the live model takes it, the finished rebuild stays as it was
        Eventually.that(() -> assertThat(position("d1")).isEqualTo(3));
        assertThat(runner.rebuildProgress()).contains(done);

        kafka.updateEndOffsets(Map.of(PARTITION, 5L));
        runner.requestRebuild();
        assertThat(runner.rebuildProgress().orElseThrow().state()).as("the next rebuild replaces it").isEqualTo(ConsumerRunner.RebuildProgress.State.RUNNING);
        assertThat(runner.rebuildProgress().orElseThrow().requestedAt()).isAfterOrEqualTo(done.requestedAt());
        Eventually.that(() -> assertThat(runner.rebuildProgress().orElseThrow().eventsTotal()).isEqualTo(5));
        assertThat(runner.rebuildProgress().orElseThrow().finishedAt()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(ReadModelsEndpoint endpoint) {
        return (Map<String, Object>) endpoint.readModels().get("drill-board");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rebuildOf(ReadModelsEndpoint endpoint) {
        return (Map<String, Object>) summary(endpoint).get("rebuild");
    }

    /** A model that writes two documents per event, like a unit and its parent's list, the second of which fails once. */
    @Test
    void aModelWhoseSecondWriteFailsOnceEndsUpCorrectAndARedeliveryChangesNothing() {
        VersionedDocuments drills = new VersionedDocuments(kit.database, "drill_board");
        var members = kit.database.getCollection("drill_board_members");
        boolean[] failedOnce = {false};
        run("drills", Subscription.to(DrillScheduled.class, DrillCancelled.class), event -> {
            if (event.payload() instanceof DrillScheduled scheduled) {
                drills.apply(event.aggregateId(), event.sequence(), Updates.combine(Updates.set("title", scheduled.title()),
                        Updates.set("status", "SCHEDULED")));
                if (!failedOnce[0]) {
                    failedOnce[0] = true;
                    throw new IllegalStateException("the database refused the second write");
                }
                members.updateOne(eq("_id", scheduled.memberId()), Updates.addToSet("drills", scheduled.drillId()),
                        new UpdateOptions().upsert(true));
            } else if (event.payload() instanceof DrillCancelled) {
                drills.apply(event.aggregateId(), event.sequence(), Updates.set("status", "CANCELLED"));
            }
        });
        StoredEvent s0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent s1 = store("d1", 1, new DrillCancelled("d1"));
        deliver(s0, s1);
        Eventually.that(() -> assertThat(position("d1")).isEqualTo(1));
        Document board = drills.find("d1").orElseThrow();
        Document member = members.find(eq("_id", "m1")).first();
        assertThat(board.getString("status")).isEqualTo("CANCELLED");
        assertThat(member.getList("drills", String.class)).containsExactly("d1");

        // a crash before the positions were recorded: the same events come again
        kit.database.getCollection(ConsumerPositions.COLLECTION).deleteMany(new Document());
        runner.stop();
        MockConsumer<String, byte[]> again = redelivering(s0, s1);
        EventConsumer consumer = runner.consumer();
        runner = newRunner(consumer, "drills", again);
        runner.start();
        Eventually.that(() -> assertThat(position("d1")).isEqualTo(1));

        assertThat(drills.find("d1").orElseThrow()).isEqualTo(board);
        assertThat(members.find(eq("_id", "m1")).first()).isEqualTo(member);
    }

    /**
     * A consumer that starts again (or rebuilds) meets aggregates it has not seen lately: it reads their stored
     * positions for a whole poll at once, and still skips what it handled before and applies what it did not.
     */
    @Test
    void aPollsStoredPositionsAreReadInOneRoundTripAndStillDecideWhatWasHandled() {
        List<StoredEvent> first = new ArrayList<>();
        List<StoredEvent> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(store("p" + i, 0, new DrillScheduled("p" + i, "消防演练", "m" + i)));
            if (i < 20) {
                second.add(store("p" + i, 1, new DrillHeld("p" + i, "m" + i)));
            }
        }
        Map<String, Long> handledBefore = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            handledBefore.put(ConsumerPositions.key("drill-board", "drills", "p" + i), 0L);
        }
        positions.recordAll("drill-board", handledBefore);
        MockConsumer<String, byte[]> restarted = new MockConsumer<>("earliest");
        restarted.schedulePollTask(() -> {
            restarted.rebalance(List.of(PARTITION));
            restarted.updateBeginningOffsets(Map.of(PARTITION, 0L));
            long at = 0;
            for (StoredEvent event : first) {
                restarted.addRecord(record(event, at++));
            }
            for (StoredEvent event : second) {
                restarted.addRecord(record(event, at++));
            }
        });
        long readsBefore = kit.commandsSent("find", ConsumerPositions.COLLECTION);
        EventConsumer consumer = new EventConsumer("drill-board", EventConsumer.Kind.READ_MODEL, Subscription.to(DrillEvents.DRILLS), handled::add,
                List.of(), () -> { }, batched() ? events -> events.forEach(handled::add) : null);
        runner = newRunner(consumer, "drills", restarted);
        runner.start();

        Eventually.that(() -> assertThat(handledOf(first.get(39).aggregateId())).isNotEmpty());
        Eventually.that(() -> assertThat(handledOf(first.get(19).aggregateId())).isNotEmpty());
        assertThat(kit.commandsSent("find", ConsumerPositions.COLLECTION) - readsBefore).isEqualTo(1);
        Eventually.that(() -> {
            for (int i = 0; i < 40; i++) {
                assertThat(position("p" + i)).isEqualTo(i < 20 ? 1 : 0);
            }
        });
        for (int i = 0; i < 40; i++) {
            assertThat(handledOf("p" + i)).containsExactly(i < 20 ? 1L : 0L);
        }
    }

    /** A new consumer of the group, as after a crash: given the partition, which holds these events from offset 0. */
    static MockConsumer<String, byte[]> redelivering(StoredEvent... events) {
        MockConsumer<String, byte[]> again = new MockConsumer<>("earliest");
        again.schedulePollTask(() -> {
            again.rebalance(List.of(PARTITION));
            again.updateBeginningOffsets(Map.of(PARTITION, 0L));
            for (int i = 0; i < events.length; i++) {
                again.addRecord(record(events[i], i));
            }
        });
        return again;
    }

    /** The offset the consumer group has committed on the drills' partition; -1 when none. */
    static long committed(MockConsumer<String, byte[]> consumer) {
        var committed = consumer.committed(java.util.Set.of(PARTITION)).get(PARTITION);
        return committed == null ? -1 : committed.offset();
    }

    /**
     * A read model records its positions and commits its offsets once per checkpoint interval, not after each poll: three
     * polls handled leave nothing written until the interval has passed or, as here (an interval of an hour), the runner
     * stops, which writes them once.
     */
    @Test
    void aReadModelWritesItsPositionsAndOffsetsOncePerIntervalAndWhenItStops() {
        EventConsumer consumer = new EventConsumer("drill-board", EventConsumer.Kind.READ_MODEL, Subscription.to(DrillEvents.DRILLS), handled::add,
                List.of(), () -> { }, batched() ? events -> events.forEach(handled::add) : null);
        long[] committedWhenClosed = {-2};
        MockConsumer<String, byte[]> kafka = new MockConsumer<>("earliest") {
            @Override
            public synchronized void close() {
                committedWhenClosed[0] = ConsumerRunnerTest.committed(this);
                super.close();
            }
        };
        kafka.schedulePollTask(() -> {
            kafka.rebalance(List.of(PARTITION));
            kafka.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
        deliverTo = kafka;
        runner = newRunner(consumer, "drills", kafka, Duration.ofHours(1));
        runner.start();
        Eventually.that(() -> assertThat(kafka.assignment()).contains(PARTITION));
        long writesBefore = kit.commandsSent("update", ConsumerPositions.COLLECTION);
        deliver(store("d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L));
        StoredEvent s1 = store("d1", 1, new DrillHeld("d1", "m1"));
        deliver(s1, store("d2", 0, new DrillScheduled("d2", "应急演练", "m2")));
        Eventually.that(() -> assertThat(handledOf("d2")).containsExactly(0L));
        deliver(store("d1", 2, new DrillCancelled("d1")), s1);
        Eventually.that(() -> assertThat(handledOf("d1")).containsExactly(0L, 1L, 2L));

        assertThat(kit.commandsSent("update", ConsumerPositions.COLLECTION) - writesBefore).as("positions written").isZero();
        assertThat(committed(kafka)).as("offset committed").isEqualTo(-1);
        assertThat(progress.reached("drill-board", "drills", "d1", 2)).as("what this instance has handled shows at once").isTrue();

        runner.stop();

        assertThat(kit.commandsSent("update", ConsumerPositions.COLLECTION) - writesBefore).as("positions written").isEqualTo(1);
        assertThat(position("d1")).isEqualTo(2);
        assertThat(position("d2")).isZero();
        assertThat(committedWhenClosed[0]).as("offset committed before the consumer closed").isEqualTo(5);
        runner = null;
    }

    /**
     * A crash between two checkpoints loses nothing: nothing was committed, so the group's next consumer is given the
     * same events again, which the model takes as no change.
     */
    @Test
    void eventsHandledAfterTheLastCheckpointComeAgainAfterACrashAndChangeNothing() {
        VersionedDocuments drills = new VersionedDocuments(kit.database, "drill_board");
        Consumer<PublishedEvent> model = event -> {
            if (event.payload() instanceof DrillScheduled scheduled) {
                drills.apply(event.aggregateId(), event.sequence(), Updates.combine(Updates.set("title", scheduled.title()),
                        Updates.set("status", "SCHEDULED")));
            } else if (event.payload() instanceof DrillCancelled) {
                drills.apply(event.aggregateId(), event.sequence(), Updates.set("status", "CANCELLED"));
            }
        };
        EventConsumer consumer = new EventConsumer("drill-board", EventConsumer.Kind.READ_MODEL, Subscription.to(DrillScheduled.class,
                DrillCancelled.class), model, List.of(), () -> { }, batched() ? events -> events.forEach(model) : null);
        ConsumerRunner crashing = newRunner(consumer, "drills", kafka, Duration.ofHours(1));
        crashing.start();
        Eventually.that(() -> assertThat(kafka.assignment()).contains(PARTITION));
        StoredEvent s0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent s1 = store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent s2 = store("d1", 2, new DrillCancelled("d1"));
        deliver(s0, s1, s2);
        Eventually.that(() -> assertThat(drills.find("d1")).hasValueSatisfying(d -> assertThat(d.getString("status")).isEqualTo("CANCELLED")));
        Document board = drills.find("d1").orElseThrow();
        assertThat(position("d1")).as("nothing recorded before the crash").isEqualTo(-1);
        assertThat(committed(kafka)).isEqualTo(-1);

        // the process dies here (the first runner is left as it is, never stopped gracefully): the group starts again
        // from its committed offsets, none, and another consumer is given the same three events
        MockConsumer<String, byte[]> again = redelivering(s0, s1, s2);
        runner = newRunner(consumer, "drills", again, Duration.ZERO);
        try {
            runner.start();
            Eventually.that(() -> assertThat(position("d1")).isEqualTo(2));
            Eventually.that(() -> assertThat(committed(again)).isEqualTo(3)); // committed right after the positions are written
            assertThat(drills.find("d1").orElseThrow()).isEqualTo(board);
        } finally {
            crashing.stop();
        }
    }

    /** A reaction sends commands: it records its positions and commits its offsets after every poll, whatever the interval. */
    @Test
    void aReactionRecordsAfterEveryPoll() {
        EventConsumer consumer = new EventConsumer("drill-board", EventConsumer.Kind.REACTION, Subscription.to(DrillEvents.DRILLS), handled::add,
                List.of(), null);
        runner = newRunner(consumer, "drills", kafka, Duration.ofHours(1));
        runner.start();
        Eventually.that(() -> assertThat(kafka.assignment()).contains(PARTITION));
        deliver(store("d1", 0, new DrillScheduled("d1", "消防演练", "m1")));

        Eventually.that(() -> assertThat(position("d1")).isZero());
        Eventually.that(() -> assertThat(committed(kafka)).isEqualTo(1));
    }
}
