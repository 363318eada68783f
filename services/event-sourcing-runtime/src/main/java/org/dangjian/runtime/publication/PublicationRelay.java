package org.dangjian.runtime.publication;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.dangjian.runtime.eventstore.AppendListener;
import org.dangjian.runtime.eventstore.Commits;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes every stored event to the service's Kafka topic (a restricted type's to its restricted topic), in each
 * aggregate's order, at least once.
 *
 * <p>One thread; it runs only while this instance holds the {@link RelayLease}. Fast path: the store tells it of
 * every append and it wakes at once. Safety net: it sweeps the {@link Outbox} every {@code sweepInterval}, and on
 * taking the lease (and then every {@code safetyScanInterval}) a thread of its own pages through the store for events
 * still marked unpublished. Per batch: read the pending entries in key order, load their events by {@code _id}, send them
 * (idempotent producer, {@code acks=all}), wait for the acknowledgements, then mark the events published and drop
 * the entries. A crash anywhere in between publishes some events again, which consumers absorb; nothing is lost.
 *
 * <p>A send cannot outlive the lease: a batch starts only while the lease has at least {@code sendBound} left
 * (renewed before each batch), and the producer fails any record it could not deliver within that bound
 * ({@code delivery.timeout.ms} plus {@code max.block.ms}), so a relay that lost its lease has nothing in flight
 * when the next one starts.
 */
public final class PublicationRelay implements SmartLifecycle, AppendListener {

    private static final Logger log = LoggerFactory.getLogger(PublicationRelay.class);
    private static final int SCAN_PAGE = 500;
    private static final Duration COMMIT_SWEEP_INTERVAL = Duration.ofSeconds(5);

    /**
     * How the relay paces itself.
     *
     * @param sendBound the longest a batch's sends may take (the producer's {@code delivery.timeout.ms} +
     *                  {@code max.block.ms}); must be less than half the lease
     */
    public record Settings(Duration sweepInterval, int batchSize, Duration abandonAfter, boolean startupScan, Duration safetyScanInterval,
                           Duration sendBound) {
    }

    private final Outbox outbox;
    private final EventStoreReader reader;
    private final Commits commits;
    private final MongoCollection<Document> events;
    private final Producer<String, byte[]> producer;
    private final Runnable ensureTopic;
    private final CloudEventCodec cloudEvents;
    private final java.util.function.Function<String, String> topicOfType;
    private final RelayLease lease;
    private final Settings settings;
    private final Clock clock;
    private final Counter publishedCounter;
    private final Counter batchCounter;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private volatile boolean leader;
    private boolean scannedSinceLeadership;
    private volatile long lastSafetyScanNanos;
    private final AtomicBoolean scanning = new AtomicBoolean();
    private long lastCommitSweepNanos;
    /** When this relay first found each outbox entry without its event, by its own monotonic clock. */
    private final Map<String, Long> missingSince = new HashMap<>();
    private boolean topicReady;
    private Thread thread;

    public PublicationRelay(MongoDatabase database, Outbox outbox, EventStoreReader reader, Commits commits, Producer<String, byte[]> producer,
                            Runnable ensureTopic, CloudEventCodec cloudEvents, java.util.function.Function<String, String> topicOfType,
                            RelayLease lease, Settings settings,
                            Clock clock, MeterRegistry meters) {
        if (settings.sendBound().multipliedBy(2).compareTo(lease.ttl()) >= 0) {
            throw new IllegalArgumentException("The relay's send bound (" + settings.sendBound() + ") must be under half its lease ("
                    + lease.ttl() + "): a send must never outlive the lease");
        }
        this.outbox = outbox;
        this.reader = reader;
        this.commits = commits;
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.producer = producer;
        this.ensureTopic = ensureTopic;
        this.cloudEvents = cloudEvents;
        this.topicOfType = topicOfType;
        this.lease = lease;
        this.settings = settings;
        this.clock = clock;
        this.publishedCounter = Counter.builder("dangjian.events.published")
                .description("Events the relay has published to Kafka (acknowledged)").register(meters);
        this.batchCounter = Counter.builder("dangjian.relay.batches")
                .description("Batches the relay has sent to Kafka (each: sends, one flush, acknowledgements awaited)").register(meters);
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
                        scanInBackground();
                    }
                    scannedSinceLeadership = true;
                    if (System.nanoTime() - lastCommitSweepNanos > COMMIT_SWEEP_INTERVAL.toNanos()) {
                        commits.sweep(); // settles committed commits in bulk, cleans up what crashed writers left
                        lastCommitSweepNanos = System.nanoTime();
                    }
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
     * later entry of the same aggregate, to keep its order). Each batch starts only with the lease held for longer
     * than a batch's sends can take.
     */
    void publishPending() {
        String after = null;
        Set<String> heldBack = new HashSet<>();
        while (running) {
            boolean held = lease.holdOrAcquire();
            if (!held || lease.remaining().compareTo(settings.sendBound()) <= 0) {
                leader = held;
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
            for (StoredEvent event : reader.readByDocumentIds(entries.stream().map(Outbox.Entry::documentId).distinct().toList())) {
                found.put(event.documentId(), event);
            }
            long now = System.nanoTime();
            List<StoredEvent> toSend = new ArrayList<>();
            List<String> done = new ArrayList<>();
            List<String> stale = new ArrayList<>();
            List<Outbox.Entry> abandoned = new ArrayList<>();
            for (Outbox.Entry entry : entries) {
                if (heldBack.contains(entry.aggregateId())) {
                    continue; // an earlier event of this aggregate is not stored yet: keep the order
                }
                StoredEvent event = found.get(entry.documentId());
                if (event != null && event.eventId().equals(entry.eventId())) {
                    missingSince.remove(entry.key());
                    toSend.add(event);
                    done.add(entry.key());
                } else if (event != null) {
                    stale.add(entry.key()); // another writer's event holds that sequence: this one was never stored
                } else if (now - missingSince.computeIfAbsent(entry.key(), id -> now) > settings.abandonAfter().toNanos()) {
                    abandoned.add(entry); // its writer failed before inserting: nothing to publish
                } else {
                    heldBack.add(entry.aggregateId()); // its writer is still at work
                }
            }
            if (!toSend.isEmpty() && lease.remaining().compareTo(settings.sendBound()) <= 0) {
                return; // the topic check or the reads took the lease's margin: renew first, on the next pass
            }
            send(toSend);
            if (!toSend.isEmpty()) {
                events.updateMany(in("_id", toSend.stream().map(StoredEvent::documentId).toList()), set(EventDocuments.PUBLISHED, true));
                outbox.remove(done);
            }
            outbox.remove(stale);
            abandon(abandoned);
            after = entries.get(entries.size() - 1).key();
        }
    }

    /** Drops entries whose events never appeared; then looks once more, in case the writer inserted it after all. */
    private void abandon(List<Outbox.Entry> abandoned) {
        for (Outbox.Entry entry : abandoned) {
            missingSince.remove(entry.key());
            outbox.remove(List.of(entry.key()));
            List<StoredEvent> late = reader.readByDocumentIds(List.of(entry.documentId()));
            if (late.isEmpty() || !late.get(0).eventId().equals(entry.eventId())) {
                log.warn("Dropped outbox entry {}: its event was never stored", entry.key());
            } else {
                outbox.register(late, clock.instant());
            }
        }
    }

    private void send(List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + settings.sendBound().toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            acks.add(producer.send(cloudEvents.toRecord(topicOfType.apply(event.type()), event)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not acknowledge an event: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an event within " + settings.sendBound(), e);
            }
        }
        publishedCounter.increment(batch.size());
        batchCounter.increment();
    }

    /**
     * Runs the safety scan on a thread of its own, so that publishing what the outbox holds (after a restart: what was
     * in flight) does not wait for a scan of the whole store; it wakes the relay when it has queued what it found.
     */
    private void scanInBackground() {
        if (!scanning.compareAndSet(false, true)) {
            return;
        }
        lastSafetyScanNanos = System.nanoTime();
        Thread scan = new Thread(() -> {
            try {
                requeueUnpublished();
                signal();
            } catch (RuntimeException e) {
                lastSafetyScanNanos = 0; // due again on the next pass
                log.warn("The scan for unpublished events failed ({}); it runs again on the next pass", e.toString());
            } finally {
                scanning.set(false);
            }
        }, "publication-safety-scan");
        scan.setDaemon(true);
        scan.start();
    }

    /**
     * The safety net behind the outbox: stored events still marked unpublished go back into it, a page at a time,
     * by key and position only (no payloads). On MongoDB this query is served by a partial index; on
     * {@code mongo-java-server} it scans the store, so it runs when the relay takes the lease and then every
     * {@code safetyScanInterval} (an hour by default).
     */
    private void requeueUnpublished() {
        Instant now = clock.instant();
        int found = 0;
        List<Outbox.Entry> page = new ArrayList<>(SCAN_PAGE);
        Document fields = new Document(EventDocuments.AGGREGATE_ID, 1).append(EventDocuments.SEQUENCE, 1)
                .append(EventDocuments.EVENT_ID, 1);
        try (MongoCursor<Document> unpublished = events.find(eq(EventDocuments.PUBLISHED, false)).projection(fields)
                .batchSize(SCAN_PAGE).iterator()) {
            while (unpublished.hasNext()) {
                Document doc = unpublished.next();
                String documentId = doc.getString("_id");
                String eventId = doc.getString(EventDocuments.EVENT_ID);
                page.add(new Outbox.Entry(Outbox.key(documentId, eventId), documentId, eventId, doc.getString(EventDocuments.AGGREGATE_ID),
                        ((Number) doc.get(EventDocuments.SEQUENCE)).longValue(), now));
                if (page.size() == SCAN_PAGE) {
                    outbox.registerEntries(page);
                    found += page.size();
                    page.clear();
                }
            }
        }
        outbox.registerEntries(page);
        found += page.size();
        if (found > 0) {
            log.info("Found {} stored events not yet published; publishing them", found);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
