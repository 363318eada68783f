package org.dangjian.runtime.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoreFailures;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.publication.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds one {@link ReadModel} from the service's topic: its own consumer group and thread, offsets committed after
 * applying, each aggregate's events applied in order and once in effect.
 *
 * <p>Per event: a sequence at or below the last one applied is a duplicate (a re-publication) and is skipped; one
 * beyond the next expected is a gap, repaired from the service's own event store (read by key), and the missing
 * events go back into the outbox so that every other consumer gets them too. {@link #requestRebuild()} drops the
 * model and reads the topic again from offset 0 (topics keep every event).
 */
public final class ReadModelRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRunner.class);
    private static final int APPLY_ATTEMPTS = 3;

    private final ReadModel model;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final CloudEventCodec cloudEvents;
    private final ReadModelPositions positions;
    private final ReadModelProgress progress;
    private final EventStoreReader store;
    private final Outbox outbox;
    private final Clock clock;

    /** The last sequence applied per aggregate, for the aggregates seen lately (a miss reads the stored position). */
    private final Map<String, Long> lastApplied = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 100_000;
        }
    };
    /** Positions applied in this poll and not yet recorded (recorded together, before the offsets are committed). */
    private final Map<String, Long> unrecorded = new HashMap<>();
    private final AtomicLong lag = new AtomicLong();
    private final Counter appliedCounter;
    private final Counter duplicateCounter;
    private final Counter gapCounter;
    private final Counter failureCounter;

    private volatile boolean running;
    private volatile boolean rebuildRequested;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public ReadModelRunner(ReadModel model, Supplier<Consumer<String, byte[]>> consumers, String topic, CloudEventCodec cloudEvents,
                           ReadModelPositions positions, ReadModelProgress progress, EventStoreReader store, Outbox outbox, Clock clock,
                           MeterRegistry meters) {
        this.model = model;
        this.consumers = consumers;
        this.topic = topic;
        this.cloudEvents = cloudEvents;
        this.positions = positions;
        this.progress = progress;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        String name = model.name();
        this.appliedCounter = Counter.builder("dangjian.readmodel.events.applied").tag("model", name).register(meters);
        this.duplicateCounter = Counter.builder("dangjian.readmodel.events.duplicates")
                .description("Events delivered again and skipped").tag("model", name).register(meters);
        this.gapCounter = Counter.builder("dangjian.readmodel.gaps")
                .description("Sequence gaps found (and repaired from the event store)").tag("model", name).register(meters);
        this.failureCounter = Counter.builder("dangjian.readmodel.failures")
                .description("Events the model could not apply after retries").tag("model", name).register(meters);
        Gauge.builder("dangjian.readmodel.lag", lag, AtomicLong::get)
                .description("Events on the topic the model has not consumed yet").tag("model", name).baseUnit("events").register(meters);
    }

    public String name() {
        return model.name();
    }

    public long lag() {
        return lag.get();
    }

    /** Drops the model and rebuilds it from the start of the topic; returns at once. */
    public void requestRebuild() {
        rebuildRequested = true;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "read-model-" + model.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try (Consumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                forgetUnrecorded(); // a new consumer starts from the committed offsets: trust only what is stored
                c.subscribe(List.of(topic), new ForgetOnRevoke());
                while (running) {
                    if (rebuildRequested) {
                        rebuild(c);
                    }
                    try {
                        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(250));
                        for (ConsumerRecord<String, byte[]> record : records) {
                            handle(record);
                        }
                        if (!records.isEmpty()) {
                            recordPositions();
                            c.commitSync();
                        }
                        updateLag(c);
                    } catch (WakeupException e) {
                        // a rebuild was requested, or we are stopping
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Read model {} stopped consuming ({}); restarting its consumer", model.name(), e.toString(), e);
                    sleep(Duration.ofSeconds(1));
                }
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * Rewinds first and makes the rewind durable (committed offsets at the beginning), then forgets the positions,
     * then drops the model: a crash at any point leaves either the old model with its positions (re-reading the
     * topic then skips everything), or a model being rebuilt from offset 0.
     */
    private void rebuild(Consumer<String, byte[]> c) {
        log.info("Rebuilding read model {} from the start of {}", model.name(), topic);
        while (c.assignment().isEmpty() && running) {
            c.poll(Duration.ofMillis(100)); // join the group first, so there are partitions to rewind
        }
        Map<TopicPartition, Long> beginnings = c.beginningOffsets(c.assignment());
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> rewind = new HashMap<>();
        beginnings.forEach((partition, offset) -> rewind.put(partition, new org.apache.kafka.clients.consumer.OffsetAndMetadata(offset)));
        c.commitSync(rewind);
        c.seekToBeginning(c.assignment());
        positions.clear(model.name());
        forgetUnrecorded();
        progress.reset(model.name());
        model.reset();
        rebuildRequested = false;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        PublishedEvent event;
        try {
            event = cloudEvents.fromRecord(record);
        } catch (RuntimeException e) {
            failureCounter.increment();
            log.error("Read model {} skipped an unreadable record at {}-{}@{}: {}", model.name(), record.topic(), record.partition(),
                    record.offset(), e.toString());
            return;
        }
        if (event.payload() == null) {
            // a type this version does not know (a newer instance wrote it): wait for an upgrade rather than skip it
            throw new IllegalStateException("Read model " + model.name() + " does not know event type " + event.type()
                    + " (sequence " + event.sequence() + " of " + event.aggregateId() + "); it stops here until this service is upgraded");
        }
        long last = last(event.aggregateId());
        if (event.sequence() <= last) {
            duplicateCounter.increment();
            return;
        }
        if (event.sequence() > last + 1) {
            repairGap(event.aggregateId(), last + 1, event.sequence() - 1);
        }
        applyAndRecord(event);
    }

    private void repairGap(String aggregateId, long from, long to) {
        gapCounter.increment();
        List<StoredEvent> missing = store.readRange(aggregateId, from, to);
        log.warn("Read model {} found a gap in {}: sequences {}..{} missing from the topic; {} found in the event store",
                model.name(), aggregateId, from, to, missing.size());
        for (StoredEvent stored : missing) {
            applyAndRecord(cloudEvents.fromStore(stored));
        }
        if (!missing.isEmpty()) {
            outbox.register(missing, clock.instant());
        }
    }

    private void applyAndRecord(PublishedEvent event) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= APPLY_ATTEMPTS; attempt++) {
            try {
                model.apply(event);
                failure = null;
                break;
            } catch (RuntimeException e) {
                if (StoreFailures.isUnavailable(e)) {
                    throw e; // the database is away: stop, and consume again from the committed offsets
                }
                failure = e;
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        if (failure != null) {
            failureCounter.increment();
            log.error("Read model {} could not apply {} (sequence {} of {}) after {} attempts; skipping it", model.name(), event.type(),
                    event.sequence(), event.aggregateId(), APPLY_ATTEMPTS, failure);
        } else {
            appliedCounter.increment();
        }
        lastApplied.put(event.aggregateId(), event.sequence());
        unrecorded.put(event.aggregateId(), event.sequence());
        progress.advanced(model.name(), event.aggregateId(), event.sequence());
    }

    /**
     * One write for the poll's positions. A crash before it delivers the poll's events again; the positions then
     * still say they are new, and {@link ReadModel#apply} being an idempotent upsert, applying them again changes
     * nothing.
     */
    private void recordPositions() {
        positions.recordAll(model.name(), unrecorded);
        unrecorded.clear();
    }

    /** After a failure the positions in memory may be ahead of what is stored: forget them. */
    private void forgetUnrecorded() {
        unrecorded.clear();
        lastApplied.clear();
    }

    private long last(String aggregateId) {
        Long cached = lastApplied.get(aggregateId);
        if (cached != null) {
            return cached;
        }
        OptionalLong stored = positions.last(model.name(), aggregateId);
        long last = stored.isPresent() ? stored.getAsLong() : -1;
        lastApplied.put(aggregateId, last);
        return last;
    }

    private void updateLag(Consumer<String, byte[]> c) {
        long total = 0;
        for (TopicPartition partition : c.assignment()) {
            OptionalLong partitionLag = c.currentLag(partition);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
            }
        }
        lag.set(total);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Positions cached for partitions this instance no longer owns may go stale: forget them. */
    private final class ForgetOnRevoke implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                recordPositions();
            } finally {
                forgetUnrecorded();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // positions are read lazily per aggregate
        }
    }
}
