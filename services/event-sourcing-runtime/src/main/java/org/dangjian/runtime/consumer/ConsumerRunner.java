package org.dangjian.runtime.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoreFailures;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.messaging.Delivery;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.publication.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one read model or reaction from the topics of its subscription: its own consumer group and thread, offsets
 * committed after handling, each aggregate's events handled in order and once in effect.
 *
 * <p>Per event, by aggregate (and publishing service): a sequence at or below the last one handled is a duplicate and
 * is skipped. One beyond the next expected is a gap: the missing events are read from this service's own store
 * (and put back into its outbox, so every consumer gets them), or, for another service's topic, read again from the
 * start of the partition they must be on; what is still missing parks the aggregate until it arrives. A type the
 * subscription does not declare is passed over (its sequence counts); a newer version of a declared one parks the
 * aggregate. A declared event is handled, retried a few times when it fails, and, if it keeps failing, parks its
 * aggregate: its later events are held, every other aggregate goes on, and the aggregate resumes by itself when a
 * retry succeeds (every {@code parkRetryInterval}) or when an operator asks ({@link #retry}, {@link #skip}). A database
 * that does not answer stops the consumer instead, to start again from the committed offsets.
 */
public final class ConsumerRunner {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRunner.class);
    private static final int REPAIR_PAGE = 256;
    private static final Duration REQUEST_POLL = Duration.ofSeconds(2);
    private static final Duration LAG_INTERVAL = Duration.ofSeconds(1);

    /**
     * How the runner paces itself.
     *
     * @param checkpointInterval how long a read model or a witness may keep handled events unrecorded: its positions and
     *                           Kafka offsets are written at most once per interval (and when it stops, loses partitions
     *                           or parks an aggregate), not after every poll; a crash in between delivers those events
     *                           again, which a model's writes and a witness's ledger take as no change. A reaction, whose
     *                           handling sends commands, records after every poll. {@code Duration.ZERO}: every poll.
     */
    public record Settings(int applyAttempts, Duration parkRetryInterval, Duration rereadTimeout, Duration checkpointInterval) {

        /** Recording after every poll. */
        public Settings(int applyAttempts, Duration parkRetryInterval, Duration rereadTimeout) {
            this(applyAttempts, parkRetryInterval, rereadTimeout, Duration.ZERO);
        }
    }

    /**
     * How far the last rebuild of a read model has come, as {@code /actuator/readmodels} shows it: {@code RUNNING} from
     * the operator's request until the consumer has consumed up to the end offsets its partitions had when the rebuild
     * started, then {@code DONE} (kept until the next rebuild). {@code eventsTotal} is the sum over the partitions of
     * (end − beginning offset) at the start (0 until the consumer has read them, within a poll of the request);
     * {@code eventsConsumed} the sum of (position − beginning offset), each partition's share capped at its part of
     * {@code eventsTotal} (records that arrived after the start do not count), so it equals {@code eventsTotal}
     * exactly when the rebuild is done. Immutable: the runner publishes a new one as it goes.
     *
     * @param finishedAt when it caught up; null while running
     */
    public record RebuildProgress(State state, Instant requestedAt, Instant finishedAt, long eventsTotal, long eventsConsumed) {

        public enum State { RUNNING, DONE }
    }

    private final EventConsumer consumer;
    private final String ownService;
    private final Map<String, String> serviceByTopic;
    private final Supplier<Consumer<String, byte[]>> groupConsumers;
    private final Supplier<Consumer<String, byte[]>> plainConsumers;
    private final CloudEventCodec cloudEvents;
    private final EventPayloadCodec payloads;
    private final ConsumerPositions positions;
    private final ParkedAggregates parked;
    private final ConsumerProgress progress;
    private final EventStoreReader store;
    private final Outbox outbox;
    private final MongoDatabase database;
    private final Clock clock;
    private final Settings settings;

    /** The last sequence handled per aggregate, for the aggregates seen lately (a miss reads the stored position). */
    private final Map<String, Long> lastHandled = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 100_000;
        }
    };
    /** Positions handled in this poll and not yet recorded (recorded together, before the offsets are committed). */
    private final Map<String, Long> unrecorded = new HashMap<>();
    /** This consumer's parked aggregates, by position key. */
    private final Map<String, ParkedAggregates.Parked> parkedHere = new HashMap<>();
    /** Aggregates an operator asked about through this instance (the request itself is on the parked header). */
    private final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();
    private long lastRequestPollNanos = System.nanoTime();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong parkedCount = new AtomicLong();
    private final Counter handledCounter;
    private final Counter duplicateCounter;
    private final Counter ignoredCounter;
    private final Counter gapCounter;
    private final Counter failureCounter;
    private final Counter skippedCounter;
    private final Counter unreadableCounter;
    private final Counter commitCounter;

    private volatile boolean running;
    private volatile boolean rebuildRequested;
    private volatile Consumer<String, byte[]> kafka;
    private long lastParkRetryNanos = System.nanoTime();
    /** Whether records were consumed since the last checkpoint (positions written, offsets committed), and when that was. */
    private boolean uncheckpointed;
    private long lastCheckpointNanos = System.nanoTime();
    private long lastLagNanos;
    private Thread thread;
    /** The last rebuild's progress (null: none since the process started); written by the runner and the request, read by the endpoint. */
    private final AtomicReference<RebuildProgress> rebuildProgress = new AtomicReference<>();
    /** The partitions of the rebuild in progress, with their beginning and end offsets at its start (the runner's thread only). */
    private Map<TopicPartition, long[]> rebuildRange;
    /** The last position seen of each of them (the runner's thread only). */
    private final Map<TopicPartition, Long> rebuildPositions = new HashMap<>();
    private long lastRebuildCommittedNanos;

    public ConsumerRunner(EventConsumer consumer, String ownService, Map<String, String> serviceByTopic,
                          Supplier<Consumer<String, byte[]>> groupConsumers, Supplier<Consumer<String, byte[]>> plainConsumers,
                          CloudEventCodec cloudEvents, EventPayloadCodec payloads, ConsumerPositions positions, ParkedAggregates parked,
                          ConsumerProgress progress, EventStoreReader store, Outbox outbox, MongoDatabase database, Clock clock,
                          Settings settings, MeterRegistry meters) {
        this.consumer = consumer;
        this.ownService = ownService;
        this.serviceByTopic = Map.copyOf(serviceByTopic);
        this.groupConsumers = groupConsumers;
        this.plainConsumers = plainConsumers;
        this.cloudEvents = cloudEvents;
        this.payloads = payloads;
        this.positions = positions;
        this.parked = parked;
        this.progress = progress;
        this.store = store;
        this.outbox = outbox;
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        String name = consumer.name();
        this.handledCounter = counter(meters, "dangjian.readmodel.events.applied", "Events applied (read model) or reacted to (reaction)");
        this.duplicateCounter = counter(meters, "dangjian.readmodel.events.duplicates", "Events delivered again and skipped");
        this.ignoredCounter = counter(meters, "dangjian.readmodel.events.ignored", "Events of types the subscription does not declare");
        this.gapCounter = counter(meters, "dangjian.readmodel.gaps", "Sequence gaps found");
        this.failureCounter = counter(meters, "dangjian.readmodel.failures",
                "Times an event failed all its attempts (parking its aggregate, or keeping it parked on a retry)");
        this.skippedCounter = counter(meters, "dangjian.readmodel.events.skipped", "Events an operator told the consumer to skip");
        this.unreadableCounter = counter(meters, "dangjian.readmodel.records.unreadable", "Records that are not the platform's CloudEvents");
        this.commitCounter = counter(meters, "dangjian.readmodel.commits",
                "Checkpoints (each: one write of the positions, one offset commit to Kafka): after every poll for a reaction, at most"
                        + " once per checkpoint interval for a read model or a witness");
        Gauge.builder("dangjian.readmodel.lag", lag, AtomicLong::get)
                .description("Events on the topics the consumer has not consumed yet").tag("model", name).baseUnit("events").register(meters);
        Gauge.builder("dangjian.readmodel.parked", parkedCount, AtomicLong::get)
                .description("Aggregates the consumer has stopped at (their later events are held)").tag("model", name).register(meters);
    }

    private Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).description(description).tag("model", consumer.name()).register(meters);
    }

    public EventConsumer consumer() {
        return consumer;
    }

    public String name() {
        return consumer.name();
    }

    public long lag() {
        return lag.get();
    }

    public long parkedCount() {
        return parkedCount.get();
    }

    public List<String> topics() {
        return List.copyOf(serviceByTopic.keySet());
    }

    /** Drops the model and rebuilds it from the start of its topics; returns at once. */
    public void requestRebuild() {
        if (!consumer.rebuildable()) {
            throw new IllegalStateException(consumer.name() + " is never rebuilt: a reaction would send its commands again, a journal would be numbered anew");
        }
        rebuildProgress.set(new RebuildProgress(RebuildProgress.State.RUNNING, clock.instant(), null, 0, 0));
        rebuildRequested = true;
        wakeUp();
    }

    /** The last rebuild's progress; empty when the model has not been rebuilt since the process started. */
    public Optional<RebuildProgress> rebuildProgress() {
        return Optional.ofNullable(rebuildProgress.get());
    }

    /** Asks the runner to retry a parked aggregate now; false when it has no such aggregate parked. */
    public boolean retry(String service, String aggregateId) {
        return enqueue(service, aggregateId, false);
    }

    /**
     * Asks the runner to pass over the event its aggregate is parked at (for a gap: to accept the missing events as
     * missing), then apply the held ones. The skipped sequence is logged; false when nothing is parked there.
     */
    public boolean skip(String service, String aggregateId) {
        return enqueue(service, aggregateId, true);
    }

    /**
     * Records the request on the parked aggregate's header: the consumer of its partition carries it out, on this
     * instance at once, on another within a few seconds.
     */
    private boolean enqueue(String service, String aggregateId, boolean skip) {
        String key = ConsumerPositions.key(consumer.name(), service, aggregateId);
        if (!parked.request(key, skip ? "skip" : "retry")) {
            return false;
        }
        asked.add(key);
        wakeUp();
        return true;
    }

    private void wakeUp() {
        Consumer<String, byte[]> current = kafka;
        if (current != null) {
            current.wakeup();
        }
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "consumer-" + consumer.name());
        thread.setDaemon(true);
        thread.start();
    }

    void requestStop() {
        running = false;
        wakeUp();
    }

    void stop() {
        requestStop();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try (Consumer<String, byte[]> c = groupConsumers.get()) {
                kafka = c;
                forgetUnrecorded(); // a new consumer starts from the committed offsets: trust only what is stored
                loadParked();
                c.subscribe(serviceByTopic.keySet(), new OnRebalance());
                while (running) {
                    if (rebuildRequested) {
                        rebuild(c);
                    }
                    try {
                        runOperatorActions(c);
                        retryParkedWhenDue(c);
                        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(250));
                        if (consumer.witnessHandler() != null) {
                            witness(records);
                        } else {
                            Batch batch = new Batch();
                            loadPositions(records);
                            for (ConsumerRecord<String, byte[]> record : records) {
                                handle(record, batch);
                            }
                            flush(batch);
                        }
                        uncheckpointed |= !records.isEmpty();
                        if (checkpointDue()) {
                            checkpoint(c);
                        }
                        updateLag(c);
                        trackRebuild(c);
                    } catch (WakeupException e) {
                        // a rebuild or an operator's action was requested, or we are stopping
                    } catch (RuntimeException e) {
                        // the poll may be handled in part: nothing more is committed (not by the close's revocation
                        // either); the next consumer starts from the last checkpoint and is given the rest again
                        uncheckpointed = false;
                        throw e;
                    }
                }
                finalCheckpoint(c);
            } catch (RuntimeException e) {
                if (running) {
                    log.error("{} stopped consuming ({}); restarting its consumer from the committed offsets", consumer.name(), e.toString(), e);
                    sleep(Duration.ofSeconds(1));
                }
            } finally {
                kafka = null;
            }
        }
    }

    /**
     * Rewinds first and makes the rewind durable (committed offsets at the beginning), then forgets the positions and
     * what was parked, then drops the model: a crash at any point leaves either the old model with its positions
     * (re-reading the topics then skips everything), or a model being rebuilt from offset 0.
     */
    private void rebuild(Consumer<String, byte[]> c) {
        log.info("Rebuilding read model {} from the start of {}", consumer.name(), serviceByTopic.keySet());
        while (c.assignment().isEmpty() && running) {
            c.poll(Duration.ofMillis(100)); // join the group first, so there are partitions to rewind
        }
        Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
        Map<TopicPartition, Long> beginning = c.beginningOffsets(c.assignment());
        beginning.forEach((partition, offset) -> rewind.put(partition, new OffsetAndMetadata(offset)));
        Map<TopicPartition, Long> end = c.endOffsets(beginning.keySet());
        c.commitSync(rewind);
        c.seekToBeginning(c.assignment());
        positions.clear(consumer.name());
        parked.clear(consumer.name());
        parkedHere.clear();
        parkedCount.set(0);
        forgetUnrecorded();
        progress.reset(consumer.name());
        consumer.collections().forEach(collection -> database.getCollection(collection).drop());
        consumer.reset().run();
        startTracking(beginning, end);
        rebuildRequested = false;
    }

    /** Notes the rebuild's partitions and their offsets at its start (a rebuild of empty topics is done after the next poll). */
    private void startTracking(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        rebuildRange = new HashMap<>();
        rebuildPositions.clear();
        long total = 0;
        for (Map.Entry<TopicPartition, Long> first : beginning.entrySet()) {
            long from = first.getValue();
            long to = Math.max(from, end.getOrDefault(first.getKey(), from));
            rebuildRange.put(first.getKey(), new long[] {from, to});
            rebuildPositions.put(first.getKey(), from);
            total += to - from;
        }
        RebuildProgress current = rebuildProgress.get();
        Instant requestedAt = current != null ? current.requestedAt() : clock.instant();
        rebuildProgress.compareAndSet(current, new RebuildProgress(RebuildProgress.State.RUNNING, requestedAt, null, total, 0));
        lastRebuildCommittedNanos = 0;
    }

    /**
     * After each poll, while a rebuild runs: the positions of its partitions, this consumer's own (no broker call) and,
     * for those a rebalance gave to another instance, the group's committed offsets (asked at most once a second).
     */
    private void trackRebuild(Consumer<String, byte[]> c) {
        if (rebuildRange == null) {
            return;
        }
        Set<TopicPartition> assigned = c.assignment();
        List<TopicPartition> elsewhere = new ArrayList<>();
        for (TopicPartition partition : rebuildRange.keySet()) {
            if (!assigned.contains(partition)) {
                elsewhere.add(partition);
                continue;
            }
            try {
                rebuildPositions.merge(partition, c.position(partition, LAG_INTERVAL), Math::max);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                log.debug("{} could not read its position in {} ({})", consumer.name(), partition, e.toString());
            }
        }
        if (!elsewhere.isEmpty() && System.nanoTime() - lastRebuildCommittedNanos >= LAG_INTERVAL.toNanos()) {
            lastRebuildCommittedNanos = System.nanoTime();
            try {
                c.committed(new HashSet<>(elsewhere), LAG_INTERVAL).forEach((partition, committed) -> {
                    if (committed != null) {
                        rebuildPositions.merge(partition, committed.offset(), Math::max);
                    }
                });
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                log.debug("{} could not read the committed offsets of {} ({})", consumer.name(), elsewhere, e.toString());
            }
        }
        publishRebuildProgress();
    }

    /**
     * Publishes the rebuild's progress; once every partition has reached its end offset of the start, it is done. An
     * operator's new request meanwhile wins (compare-and-set): its record stands until the new rebuild starts.
     */
    private void publishRebuildProgress() {
        long total = 0;
        long consumed = 0;
        for (Map.Entry<TopicPartition, long[]> range : rebuildRange.entrySet()) {
            long from = range.getValue()[0];
            long to = range.getValue()[1];
            total += to - from;
            consumed += Math.min(to, Math.max(from, rebuildPositions.getOrDefault(range.getKey(), from))) - from;
        }
        RebuildProgress current = rebuildProgress.get();
        if (rebuildRequested || current == null) {
            return; // another rebuild was asked for: this one's progress no longer matters
        }
        boolean done = consumed >= total;
        RebuildProgress next = done
                ? new RebuildProgress(RebuildProgress.State.DONE, current.requestedAt(), clock.instant(), total, total)
                : new RebuildProgress(RebuildProgress.State.RUNNING, current.requestedAt(), null, total, consumed);
        if (!next.equals(current) && !rebuildProgress.compareAndSet(current, next)) {
            return;
        }
        if (done) {
            rebuildRange = null;
            rebuildPositions.clear();
            log.info("Read model {} rebuilt: {} events consumed from {}", consumer.name(), total, serviceByTopic.keySet());
        }
    }

    /**
     * A witness's poll: every record as delivered, readable or not, handed over at once; retried a few times when the
     * witness throws, then thrown on, so that the consumer starts again from the committed offsets (nothing is lost,
     * nothing skipped).
     */
    private void witness(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            Instant publishedAt = Instant.ofEpochMilli(record.timestamp());
            String service = serviceByTopic.get(record.topic());
            try {
                PublishedEvent event = cloudEvents.fromRecord(record);
                deliveries.add(new Delivery(service, record.topic(), record.partition(), record.offset(), publishedAt, event, null));
            } catch (CloudEventCodec.UnreadableEventException e) {
                unreadableCounter.increment();
                deliveries.add(new Delivery(service, record.topic(), record.partition(), record.offset(), publishedAt, null, e.getMessage()));
            }
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= settings.applyAttempts(); attempt++) {
            try {
                consumer.witnessHandler().accept(deliveries);
                handledCounter.increment(deliveries.size());
                return;
            } catch (RuntimeException e) {
                if (StoreFailures.isUnavailable(e)) {
                    throw e;
                }
                failure = e;
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        failureCounter.increment();
        throw failure;
    }

    /**
     * One record of a poll: the next event of an aggregate that is not parked, of a declared type, joins the poll's
     * batch; a duplicate is counted and passed over; anything else (a gap, a parked aggregate, a type not declared)
     * is handled on its own, after the batch so far.
     */
    private void handle(ConsumerRecord<String, byte[]> record, Batch batch) {
        PublishedEvent event;
        try {
            event = cloudEvents.fromRecord(record);
        } catch (CloudEventCodec.UnreadableEventException e) {
            unreadableCounter.increment();
            log.error("{} passed over a record that is not one of the platform's events: {}", consumer.name(), e.getMessage());
            return;
        }
        String service = serviceByTopic.get(record.topic());
        String key = ConsumerPositions.key(consumer.name(), service, event.aggregateId());
        if (consumer.batchHandler() != null && !parkedHere.containsKey(key)) {
            long last = batch.last(key);
            if (event.sequence() <= last) {
                duplicateCounter.increment();
                return;
            }
            Optional<Class<?>> declared = consumer.subscription().classOf(event.type());
            if (event.sequence() == last + 1 && declared.isPresent()) {
                batch.add(new Pending(key, service, event, declared.get(), record.topic(), record.partition(), record.offset()));
                return;
            }
        }
        flush(batch);
        route(key, service, event, record.topic(), record.partition(), record.offset());
    }

    /** An event waiting in a poll's batch. */
    private record Pending(String key, String service, PublishedEvent event, Class<?> declared, String topic, int partition, long offset) {
    }

    /** The events of a poll handled together, and the last sequence of each aggregate once they are. */
    private final class Batch {

        private final List<Pending> events = new ArrayList<>();
        private final Map<String, Long> lastInBatch = new HashMap<>();

        long last(String key) {
            Long pending = lastInBatch.get(key);
            return pending != null ? pending : ConsumerRunner.this.last(key);
        }

        void add(Pending pending) {
            events.add(pending);
            lastInBatch.put(pending.key(), pending.event().sequence());
        }

        boolean isEmpty() {
            return events.isEmpty();
        }

        /** The batch's events and each aggregate's last sequence in it; the batch is empty afterwards. */
        Drained drain() {
            Drained drained = new Drained(List.copyOf(events), Map.copyOf(lastInBatch));
            events.clear();
            lastInBatch.clear();
            return drained;
        }
    }

    private record Drained(List<Pending> events, Map<String, Long> lastSequences) {
    }

    /**
     * Hands the batch to the consumer at once. If that fails, the same events go one at a time through the usual
     * path, which retries, and parks only an aggregate whose event keeps failing (the batch is safe to repeat).
     */
    private void flush(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        Drained drained = batch.drain();
        List<Pending> pending = drained.events();
        try {
            List<PublishedEvent> decoded = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                decoded.add(p.event().withPayload(payloads.fromJson(p.event().data(), p.declared())));
            }
            consumer.batchHandler().accept(decoded);
        } catch (RuntimeException e) {
            if (StoreFailures.isUnavailable(e)) {
                throw e; // the database is away: stop, and consume again from the committed offsets
            }
            log.debug("{}: a batch of {} events failed ({}); handling them one at a time", consumer.name(), pending.size(), e.toString());
            for (Pending p : pending) {
                route(p.key(), p.service(), p.event(), p.topic(), p.partition(), p.offset());
            }
            return;
        }
        handledCounter.increment(pending.size());
        lastHandled.putAll(drained.lastSequences());
        unrecorded.putAll(drained.lastSequences());
        progress.advanced(drained.lastSequences());
    }

    /** Handles one event on its own: held when its aggregate is parked, else processed. */
    private void route(String key, String service, PublishedEvent event, String topic, int partition, long offset) {
        ParkedAggregates.Parked stopped = parkedHere.get(key);
        if (stopped != null) {
            if (event.sequence() > last(key)) {
                ParkedAggregates.Parked header = parked.hold(key, event);
                parkedHere.put(key, header);
                if (header.reason() == ParkedAggregates.Reason.GAP && event.sequence() == last(key) + 1) {
                    resume(header, false, false); // the missing event arrived after all
                }
            } else {
                duplicateCounter.increment();
            }
            return;
        }
        process(key, service, event, topic, partition, offset);
    }

    /** Handles one event of an aggregate that is not parked; parks it when that fails. */
    private void process(String key, String service, PublishedEvent event, String topic, int partition, long offset) {
        long last = last(key);
        if (event.sequence() <= last) {
            duplicateCounter.increment();
            return;
        }
        if (event.sequence() > last + 1) {
            gapCounter.increment();
            if (!repairGap(key, service, event.aggregateId(), last + 1, event.sequence() - 1, topic, partition, offset)) {
                if (!parkedHere.containsKey(key)) {
                    long missing = last(key) + 1;
                    park(key, service, event.aggregateId(), ParkedAggregates.Reason.GAP, missing, "Events " + missing + ".."
                            + (event.sequence() - 1) + " are missing from " + topic + " and could not be found", topic, partition);
                }
                parkedHere.put(key, parked.hold(key, event));
                return;
            }
        }
        deliver(key, service, event, topic, partition);
    }

    /** Applies (or passes over) one event that is next in its aggregate's order; false when it parked the aggregate. */
    private boolean deliver(String key, String service, PublishedEvent event, String topic, int partition) {
        Optional<Class<?>> declared = consumer.subscription().classOf(event.type());
        if (declared.isEmpty()) {
            if (consumer.subscription().isNewerVersionOfDeclared(event.type())) {
                parkHolding(key, service, event, ParkedAggregates.Reason.UNKNOWN_VERSION,
                        event.type() + " is newer than the version this service reads; upgrade it", topic, partition);
                return false;
            }
            ignoredCounter.increment();
            advance(key, event);
            return true;
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= settings.applyAttempts(); attempt++) {
            try {
                consumer.handler().accept(event.withPayload(payloads.fromJson(event.data(), declared.get())));
                failure = null;
                break;
            } catch (RuntimeException e) {
                if (StoreFailures.isUnavailable(e)) {
                    throw e; // the database is away: stop, and consume again from the committed offsets
                }
                failure = e;
                if (attempt < settings.applyAttempts()) {
                    sleep(Duration.ofMillis(100L * attempt));
                }
            }
        }
        if (failure != null) {
            failureCounter.increment();
            log.error("{} could not handle {} (sequence {} of {}) after {} attempts; parking that aggregate, the others go on",
                    consumer.name(), event.type(), event.sequence(), event.aggregateId(), settings.applyAttempts(), failure);
            parkHolding(key, service, event, ParkedAggregates.Reason.FAILED, String.valueOf(failure), topic, partition);
            return false;
        }
        handledCounter.increment();
        advance(key, event);
        return true;
    }

    private void parkHolding(String key, String service, PublishedEvent event, ParkedAggregates.Reason reason, String error, String topic,
                             int partition) {
        park(key, service, event.aggregateId(), reason, event.sequence(), error, topic, partition);
        parkedHere.put(key, parked.hold(key, event));
    }

    private void park(String key, String service, String aggregateId, ParkedAggregates.Reason reason, long sequence, String error, String topic,
                      int partition) {
        // what was handled before it must be durable before anything is held: record the poll's positions first
        recordPositions();
        ParkedAggregates.Parked header = parked.park(consumer.name(), service, aggregateId, reason, sequence, abbreviate(error), topic, partition,
                clock.instant());
        if (!parkedHere.containsKey(key)) {
            log.warn("{} parked {} {} at sequence {} ({}): {}", consumer.name(), service, aggregateId, sequence, reason, error);
        } else {
            log.debug("{}: {} {} is still parked at sequence {} (attempt {})", consumer.name(), service, aggregateId, sequence, header.attempts());
        }
        parkedHere.put(key, header);
        parkedCount.set(parkedHere.size());
    }

    /**
     * Fills a gap before the event at {@code offset}: from this service's own store (and back into its outbox), or by
     * reading the partition again from its start. False when some of the missing events are still missing (or one
     * of them parked the aggregate).
     */
    private boolean repairGap(String key, String service, String aggregateId, long from, long to, String topic, int partition, long offset) {
        if (service.equals(ownService)) {
            for (long start = from; start <= to; start += REPAIR_PAGE) {
                List<StoredEvent> found = store.readRange(aggregateId, start, Math.min(to, start + REPAIR_PAGE - 1));
                log.warn("{} found a gap in {}: sequences {}..{} missing from the topic; {} of the next page found in the event store",
                        consumer.name(), aggregateId, from, to, found.size());
                for (StoredEvent stored : found) {
                    if (stored.sequence() != last(key) + 1 || !deliver(key, service, cloudEvents.fromStore(stored), topic, partition)) {
                        return false;
                    }
                }
                if (!found.isEmpty()) {
                    outbox.register(found, clock.instant()); // every other consumer missed them too
                }
            }
            return last(key) == to;
        }
        Map<Long, PublishedEvent> found = reread(topic, partition, offset, aggregateId, from, to);
        log.warn("{} found a gap in {} {}: sequences {}..{} missing; {} found by reading partition {}-{} again", consumer.name(), service,
                aggregateId, from, to, found.size(), topic, partition);
        for (PublishedEvent event : found.values()) {
            if (event.sequence() != last(key) + 1 || !deliver(key, service, event, topic, partition)) {
                return false;
            }
        }
        return last(key) == to;
    }

    /** Reads a partition from its start up to {@code beforeOffset}, for one aggregate's events in a range of sequences. */
    private Map<Long, PublishedEvent> reread(String topic, int partition, long beforeOffset, String aggregateId, long from, long to) {
        Map<Long, PublishedEvent> found = new TreeMap<>();
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + settings.rereadTimeout().toNanos();
        try (Consumer<String, byte[]> reader = plainConsumers.get()) {
            reader.assign(List.of(tp));
            reader.seekToBeginning(List.of(tp));
            long limit = Math.min(beforeOffset, reader.endOffsets(List.of(tp)).getOrDefault(tp, 0L));
            while (reader.position(tp) < limit && System.nanoTime() < deadline && running) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500)).records(tp)) {
                    if (record.offset() >= limit) {
                        break;
                    }
                    if (aggregateId.equals(record.key())) {
                        try {
                            PublishedEvent event = cloudEvents.fromRecord(record);
                            if (event.sequence() >= from && event.sequence() <= to) {
                                found.putIfAbsent(event.sequence(), event);
                            }
                        } catch (CloudEventCodec.UnreadableEventException e) {
                            // not one of ours: it cannot fill the gap
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (StoreFailures.isUnavailable(e)) {
                throw e;
            }
            log.warn("{} could not read {}-{} again: {}", consumer.name(), topic, partition, e.toString());
        }
        return found;
    }

    /**
     * Carries out operators' requests on aggregates whose partitions this consumer holds: at once for those asked
     * through this instance, and every two seconds for those asked through another, while it has any parked (a request
     * names a parked aggregate, and every aggregate parked on its partitions is loaded when it is given them).
     */
    private void runOperatorActions(Consumer<String, byte[]> c) {
        boolean askedHere = !asked.isEmpty();
        asked.clear();
        if (!askedHere && (parkedHere.isEmpty() || System.nanoTime() - lastRequestPollNanos < REQUEST_POLL.toNanos())) {
            return;
        }
        lastRequestPollNanos = System.nanoTime();
        for (ParkedAggregates.Parked header : parked.requested(consumer.name())) {
            if (c.assignment().contains(new TopicPartition(header.topic(), header.partition()))) {
                parked.clearRequest(header.key());
                parkedHere.put(header.key(), header);
                resume(header, "skip".equals(header.requested()), true);
            }
        }
    }

    /** Retries the parked aggregates whose partitions this consumer holds, every {@code parkRetryInterval}. */
    private void retryParkedWhenDue(Consumer<String, byte[]> c) {
        if (parkedHere.isEmpty() || System.nanoTime() - lastParkRetryNanos < settings.parkRetryInterval().toNanos()) {
            return;
        }
        lastParkRetryNanos = System.nanoTime();
        for (ParkedAggregates.Parked header : List.copyOf(parkedHere.values())) {
            if (c.assignment().contains(new TopicPartition(header.topic(), header.partition()))) {
                resume(header, false, false);
            }
        }
    }

    /**
     * Tries a parked aggregate again: first the gap or the event it stopped at (or, told to skip, passes over it),
     * then every held event in order. It stays parked, its attempt counted, if any of them fails again. Another
     * service's partition is read again for a gap only when an operator asks ({@code reread}): the periodic retry
     * waits for the missing event to arrive instead.
     */
    private void resume(ParkedAggregates.Parked header, boolean skip, boolean reread) {
        String key = header.key();
        if (skip) {
            long skipTo = header.reason() == ParkedAggregates.Reason.GAP ? header.heldFrom() - 1 : header.sequence();
            if (skipTo > last(key)) {
                log.warn("{}: an operator skipped {} {} up to sequence {} ({}); it was not applied", consumer.name(), header.service(),
                        header.aggregateId(), skipTo, header.reason());
                skippedCounter.increment();
                lastHandled.put(key, skipTo);
                unrecorded.put(key, skipTo);
            }
        }
        if (header.reason() == ParkedAggregates.Reason.GAP && header.heldFrom() - 1 > last(key)) {
            boolean ownStore = header.service().equals(ownService);
            if (!(ownStore || reread) || !repairGap(key, header.service(), header.aggregateId(), last(key) + 1, header.heldFrom() - 1,
                    header.topic(), header.partition(), Long.MAX_VALUE)) {
                restillParked(header, key);
                return;
            }
        }
        for (PublishedEvent event : parked.held(header)) {
            if (event.sequence() <= last(key)) {
                continue;
            }
            if (event.sequence() != last(key) + 1) {
                restillParked(header, key); // still a gap before this held event
                return;
            }
            if (!deliver(key, header.service(), event, header.topic(), header.partition())) {
                return; // parked again: deliver counted the attempt, the held events stay
            }
        }
        recordPositions(); // the positions are durable before the held events go
        ParkedAggregates.Parked now = parked.find(key).orElse(header);
        if (!parked.release(now, last(key))) {
            parkedHere.put(key, parked.find(key).orElse(now)); // an event was held meanwhile: the next retry takes it
            return;
        }
        parkedHere.remove(key);
        parkedCount.set(parkedHere.size());
        log.info("{} resumed {} {} at sequence {}", consumer.name(), header.service(), header.aggregateId(), last(key));
    }

    private void restillParked(ParkedAggregates.Parked header, String key) {
        park(key, header.service(), header.aggregateId(), header.reason(), last(key) + 1, header.error(), header.topic(), header.partition());
    }

    private void advance(String key, PublishedEvent event) {
        lastHandled.put(key, event.sequence());
        unrecorded.put(key, event.sequence());
        progress.advanced(key, event.sequence());
    }

    /**
     * One write for the poll's positions. A crash before it delivers the poll's events again; being safe to repeat,
     * handling them again changes nothing.
     */
    private void recordPositions() {
        positions.recordAll(consumer.name(), unrecorded);
        unrecorded.clear();
    }

    /** Whether this poll's consumer is due to record: a reaction after every poll, anything else once per interval. */
    private boolean checkpointDue() {
        return uncheckpointed && (consumer.kind() == EventConsumer.Kind.REACTION
                || System.nanoTime() - lastCheckpointNanos >= settings.checkpointInterval().toNanos());
    }

    /**
     * Writes the positions handled so far, then commits the offsets of everything polled so far (handled, passed over, or
     * held on a parked aggregate's header, which is written at once): what is committed is never ahead of what is stored.
     */
    private void checkpoint(Consumer<String, byte[]> c) {
        recordPositions();
        c.commitSync();
        commitCounter.increment();
        uncheckpointed = false;
        lastCheckpointNanos = System.nanoTime();
    }

    /**
     * The checkpoint of a consumer that stops (or loses its partitions): the stop's wake-up may still be pending and
     * interrupt the first try. If it cannot be written, the events since the last one come again (and change nothing).
     */
    private void finalCheckpoint(Consumer<String, byte[]> c) {
        if (!uncheckpointed) {
            return;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                checkpoint(c);
                return;
            } catch (WakeupException e) {
                // the stop's wake-up: once thrown, it is spent
            } catch (RuntimeException e) {
                if (StoreFailures.isUnavailable(e)) {
                    throw e;
                }
                log.warn("{} could not commit its offsets on stopping ({}); the events since its last commit will be delivered again",
                        consumer.name(), e.toString());
                return;
            }
        }
    }

    /** After a failure the positions in memory may be ahead of what is stored: forget them. */
    private void forgetUnrecorded() {
        unrecorded.clear();
        lastHandled.clear();
        uncheckpointed = false;
    }

    private void loadParked() {
        parkedHere.clear();
        for (ParkedAggregates.Parked header : parked.all(consumer.name())) {
            parkedHere.put(header.key(), header);
        }
        parked.knownParked(consumer.name(), parkedHere.keySet());
        parkedCount.set(parkedHere.size());
    }

    /**
     * Reads, in one round trip, the stored positions of the poll's aggregates this consumer has not seen lately, so
     * that handling the poll reads none one by one (a replay meets a new aggregate every few records). Records keyed
     * otherwise than by their aggregate are left to the one-by-one read.
     */
    private void loadPositions(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        Set<String> unknown = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String service = serviceByTopic.get(record.topic());
            if (record.key() != null && service != null) {
                String key = ConsumerPositions.key(consumer.name(), service, record.key());
                if (!lastHandled.containsKey(key) && !unrecorded.containsKey(key)) {
                    unknown.add(key);
                }
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, Long> stored = positions.lastAll(unknown);
        for (String key : unknown) {
            lastHandled.put(key, stored.getOrDefault(key, -1L));
        }
    }

    private long last(String key) {
        Long cached = lastHandled.get(key);
        if (cached == null) {
            cached = unrecorded.get(key); // handled, not yet recorded, and fallen out of the recent ones
        }
        if (cached != null) {
            return cached;
        }
        OptionalLong stored = positions.last(key);
        long last = stored.isPresent() ? stored.getAsLong() : -1;
        lastHandled.put(key, last);
        return last;
    }

    /**
     * The events on the consumer's partitions it has not handled yet: the partitions' end offsets, asked of the broker
     * at most once a second, minus the positions handled. (The consumer's own view, the high watermark of its last
     * fetch, reads 0 while records keep arriving.)
     */
    private void updateLag(Consumer<String, byte[]> c) {
        if (System.nanoTime() - lastLagNanos < LAG_INTERVAL.toNanos() || c.assignment().isEmpty()) {
            return;
        }
        lastLagNanos = System.nanoTime();
        try {
            long total = 0;
            for (Map.Entry<TopicPartition, Long> end : c.endOffsets(c.assignment(), LAG_INTERVAL).entrySet()) {
                total += Math.max(0, end.getValue() - c.position(end.getKey(), LAG_INTERVAL));
            }
            lag.set(total);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.debug("{} could not read its partitions' end offsets ({}); the lag shown is the last one read", consumer.name(), e.toString());
        }
    }

    /** Parked aggregates as the endpoint shows them. */
    public List<ParkedAggregates.Parked> parked() {
        return parked.all(consumer.name());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Positions cached for partitions this instance no longer owns may go stale: forget them; reload what is parked. */
    private final class OnRebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                Consumer<String, byte[]> c = kafka;
                if (c != null) {
                    finalCheckpoint(c); // the partitions' next owner starts from these offsets
                }
                recordPositions();
            } finally {
                forgetUnrecorded();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            loadParked();
        }
    }
}
