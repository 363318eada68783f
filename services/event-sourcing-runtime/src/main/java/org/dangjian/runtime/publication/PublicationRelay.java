package org.dangjian.runtime.publication;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.dangjian.runtime.eventstore.AppendListener;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes every stored event to the service's Kafka topic, in each aggregate's order, at least once.
 *
 * <p>One thread; it runs only while this instance holds the {@link RelayLease}. Fast path: the store tells it of
 * every append and it wakes at once. Safety net: it sweeps the {@link Outbox} every {@code sweepInterval}, and on
 * taking the lease it first looks for stored events still marked unpublished (a scan of the event store, once). Per
 * pass: read the pending entries in key order, load their events by {@code _id}, send them (idempotent producer,
 * {@code acks=all}), wait for the acknowledgements, then mark the events published and drop the entries. A crash
 * anywhere in between publishes some events again, which consumers absorb; nothing is lost.
 */
public final class PublicationRelay implements SmartLifecycle, AppendListener {

    private static final Logger log = LoggerFactory.getLogger(PublicationRelay.class);

    /** How the relay paces itself. */
    public record Settings(Duration sweepInterval, int batchSize, Duration abandonAfter, boolean startupScan, Duration safetyScanInterval) {
    }

    private final Outbox outbox;
    private final EventStoreReader reader;
    private final MongoCollection<Document> events;
    private final Producer<String, byte[]> producer;
    private final Runnable ensureTopic;
    private final CloudEventCodec cloudEvents;
    private final String topic;
    private final RelayLease lease;
    private final Settings settings;
    private final Clock clock;
    private final Counter publishedCounter;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private volatile boolean leader;
    private boolean scannedSinceLeadership;
    private long lastSafetyScanNanos;
    /** When this relay first found each outbox entry without its event, by its own monotonic clock. */
    private final Map<String, Long> missingSince = new java.util.HashMap<>();
    private boolean topicReady;
    private Thread thread;

    public PublicationRelay(MongoDatabase database, Outbox outbox, EventStoreReader reader, Producer<String, byte[]> producer,
                            Runnable ensureTopic, CloudEventCodec cloudEvents, String topic, RelayLease lease, Settings settings,
                            Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.reader = reader;
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.producer = producer;
        this.ensureTopic = ensureTopic;
        this.cloudEvents = cloudEvents;
        this.topic = topic;
        this.lease = lease;
        this.settings = settings;
        this.clock = clock;
        this.publishedCounter = Counter.builder("dangjian.events.published")
                .description("Events the relay has published to Kafka (acknowledged)").register(meters);
    }

    /** Fast path: called by the store right after an append. */
    @Override
    public void appended(List<StoredEvent> stored) {
        signal();
    }

    public void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        scannedSinceLeadership = false;
        thread = new Thread(this::loop, "publication-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        signal();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread != null && thread.isAlive()) {
            return; // still sending: keep the lease until it expires rather than let another relay start beside it
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.debug("Could not release the relay lease; it will expire", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (a later phase stops first) so that requests in flight still get published. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    public boolean isLeader() {
        return leader;
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                leader = lease.holdOrAcquire();
                if (leader) {
                    boolean safetyScanDue = System.nanoTime() - lastSafetyScanNanos > settings.safetyScanInterval().toNanos();
                    if ((!scannedSinceLeadership && settings.startupScan()) || (scannedSinceLeadership && safetyScanDue)) {
                        requeueUnpublished();
                        lastSafetyScanNanos = System.nanoTime();
                    }
                    scannedSinceLeadership = true;
                    publishPending();
                } else {
                    scannedSinceLeadership = false;
                    missingSince.clear();
                }
                backoff = Duration.ZERO;
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), Duration.ofSeconds(10));
                topicReady = false;
                log.warn("Publication pass failed ({}); retrying in {} ms", e.toString(), backoff.toMillis());
            }
            awaitSignal(backoff.isZero() ? settings.sweepInterval() : backoff);
        }
    }

    private void awaitSignal(Duration timeout) {
        lock.lock();
        try {
            if (!signalled && running) {
                wake.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes until the outbox holds only entries whose writers are still at work, paging past those (and every
     * later entry of the same aggregate, to keep its order). Checks the lease before each batch: a pass that outlives
     * the lease stops rather than run beside the next holder.
     */
    void publishPending() {
        String after = null;
        Set<String> heldBack = new HashSet<>();
        while (running) {
            if (!lease.holdOrAcquire()) {
                leader = false;
                return;
            }
            List<Outbox.Entry> entries = outbox.pending(settings.batchSize(), after);
            if (entries.isEmpty()) {
                return;
            }
            if (!topicReady) {
                ensureTopic.run();
                topicReady = true;
            }
            Map<String, StoredEvent> found = new LinkedHashMap<>();
            for (StoredEvent event : reader.readByDocumentIds(entries.stream().map(Outbox.Entry::documentId).toList())) {
                found.put(event.documentId(), event);
            }
            long now = System.nanoTime();
            List<StoredEvent> toSend = new ArrayList<>();
            List<Outbox.Entry> abandoned = new ArrayList<>();
            for (Outbox.Entry entry : entries) {
                if (heldBack.contains(entry.aggregateId())) {
                    continue; // an earlier event of this aggregate is not stored yet: keep the order
                }
                StoredEvent event = found.get(entry.documentId());
                if (event != null) {
                    missingSince.remove(entry.documentId());
                    toSend.add(event);
                } else if (now - missingSince.computeIfAbsent(entry.documentId(), id -> now) > settings.abandonAfter().toNanos()) {
                    abandoned.add(entry); // its writer failed before inserting: nothing to publish
                } else {
                    heldBack.add(entry.aggregateId()); // its writer is still at work
                }
            }
            send(toSend);
            List<String> done = new ArrayList<>(toSend.stream().map(StoredEvent::documentId).toList());
            if (!done.isEmpty()) {
                events.updateMany(in("_id", done), set(EventDocuments.PUBLISHED, true));
                outbox.remove(done);
            }
            abandon(abandoned);
            after = entries.get(entries.size() - 1).documentId();
        }
    }

    /**
     * Drops entries whose events never appeared, each only if no writer registered it again meanwhile; then looks
     * once more for the event, in case its writer inserted it after all, and puts it back if so.
     */
    private void abandon(List<Outbox.Entry> abandoned) {
        for (Outbox.Entry entry : abandoned) {
            missingSince.remove(entry.documentId());
            if (outbox.removeIfUnchanged(entry)) {
                List<StoredEvent> late = reader.readByDocumentIds(List.of(entry.documentId()));
                if (late.isEmpty()) {
                    log.warn("Dropped outbox entry {}: its event was never stored", entry.documentId());
                } else {
                    outbox.register(late, clock.instant());
                }
            }
        }
    }

    private void send(List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            acks.add(producer.send(cloudEvents.toRecord(topic, event)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Kafka did not acknowledge an event: " + e.getCause(), e.getCause());
            }
        }
        publishedCounter.increment(batch.size());
    }

    /**
     * The safety net behind the outbox: stored events still marked unpublished go back into it. On MongoDB this query
     * is served by a partial index; on {@code mongo-java-server} it scans the store, so it runs when the relay takes
     * the lease and then every {@code safetyScanInterval} (an hour by default).
     */
    private void requeueUnpublished() {
        List<StoredEvent> unpublished = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Document doc : events.find(eq(EventDocuments.PUBLISHED, false)).projection(new Document("_id", 1))) {
            ids.add(doc.getString("_id"));
        }
        for (int i = 0; i < ids.size(); i += 500) {
            unpublished.addAll(reader.readByDocumentIds(ids.subList(i, Math.min(ids.size(), i + 500))));
        }
        if (!unpublished.isEmpty()) {
            log.info("Found {} stored events not yet published; publishing them", unpublished.size());
            outbox.register(unpublished, clock.instant());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
