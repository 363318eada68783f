package org.dangjian.runtime.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dangjian.runtime.testing.StoreKit.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.DrillEvents.DrillCancelled;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.DrillScheduled;
import org.dangjian.testsupport.Eventually;
import org.dangjian.runtime.testing.StoreKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on its own, with Kafka's {@link MockProducer}: every stored event is sent in its aggregate's order and
 * marked published only once acknowledged; what cannot be sent yet waits without holding up other aggregates.
 */
class PublicationRelayTest {

    private static final String TOPIC = "dangjian.drills.events";

    private StoreKit kit;
    private PublicationRelay relay;

    @BeforeEach
    void setUp() {
        kit = new StoreKit(DrillEvents.DRILLS);
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        kit.close();
    }

    private PublicationRelay relay(MockProducer<String, byte[]> producer, Duration abandonAfter) {
        return relay(producer, abandonAfter, true);
    }

    /**
     * A relay; without the startup scan for a test that counts sends exactly: the scan re-enqueues an event it read as
     * still unpublished, and when that read races the first batch's marking, the event goes out a second time (allowed:
     * publication is at least once), which would blur what such a test checks.
     */
    private PublicationRelay relay(MockProducer<String, byte[]> producer, Duration abandonAfter, boolean startupScan) {
        RelayLease lease = new RelayLease(kit.database, "publication-relay", "test-" + UUID.randomUUID(), Duration.ofSeconds(20), Clock.systemUTC());
        return new PublicationRelay(kit.database, kit.outbox, kit.reader, kit.commits, producer, () -> { }, new CloudEventCodec("drills"), type -> TOPIC,
                lease, new PublicationRelay.Settings(Duration.ofMillis(50), 200, abandonAfter, startupScan, Duration.ofHours(1),
                        Duration.ofSeconds(8)),
                Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void storedEventsAreSentInEachAggregatesOrderThenMarkedPublished() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        kit.append(event("Drill", "d2", 0, new DrillScheduled("d2", "应急演练", "m2")));
        kit.append(event("Drill", "d1", 1, new DrillHeld("d1", "m1")));
        kit.append(event("Drill", "d1", 2, new DrillCancelled("d1")));
        MockProducer<String, byte[]> producer = producer();
        relay = relay(producer, Duration.ofMinutes(10), false);
        relay.start();

        Eventually.that(() -> assertThat(producer.history()).hasSize(4));
        List<ProducerRecord<String, byte[]>> d1 = producer.history().stream().filter(r -> r.key().equals("d1")).toList();
        assertThat(d1).extracting(r -> header(r, "ce_sequence")).containsExactly("0", "1", "2");
        Eventually.that(() -> assertThat(kit.outbox.pending(10)).isEmpty());
        assertThat(kit.reader.readStream("d1", 0)).allMatch(StoredEvent::published);
    }

    @Test
    void theRecordCarriesTheStoredBodyByteForByteAndEveryHashedAttribute() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        MockProducer<String, byte[]> producer = producer();
        relay = relay(producer, Duration.ofMinutes(10), false);
        relay.start();

        Eventually.that(() -> assertThat(producer.history()).hasSize(1));
        ProducerRecord<String, byte[]> record = producer.history().get(0);
        StoredEvent stored = kit.reader.read("d1", 0).orElseThrow();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(stored.data());
        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(header(record, "ce_hash")).isEqualTo(stored.hash());
        assertThat(header(record, "ce_prevhash")).isEqualTo(stored.prevHash());
        assertThat(header(record, "ce_aggregatetype")).isEqualTo("Drill");
        assertThat(header(record, "ce_source")).isEqualTo("/dangjian/drills");
        assertThat(header(record, "ce_actorid")).isEqualTo(StoreKit.STAFF.id());
        assertThat(header(record, "ce_recordedtime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void anEventKafkaDidNotAcknowledgeIsNotMarkedPublishedAndIsSentAgain() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        AtomicInteger sends = new AtomicInteger();
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
                if (sends.incrementAndGet() == 1) {
                    return CompletableFuture.failedFuture(new TimeoutException("no broker answered"));
                }
                return super.send(record);
            }
        };
        relay = relay(producer, Duration.ofMinutes(10), false);
        relay.start();

        // at least once: the retry and the next poll may both send it before it is marked published (consumers drop a repeat)
        Eventually.that(() -> assertThat(producer.history()).isNotEmpty());
        assertThat(sends.get()).isGreaterThanOrEqualTo(2);
        Eventually.that(() -> assertThat(kit.reader.read("d1", 0).orElseThrow().published()).isTrue());
        String sent = kit.reader.read("d1", 0).orElseThrow().eventId();
        assertThat(producer.history()).extracting(r -> header(r, "ce_id")).containsOnly(sent);
    }

    @Test
    void anEntryWhoseSequenceHoldsAnotherWritersEventIsDroppedWithoutSending() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        StoredEvent stored = kit.reader.read("d1", 0).orElseThrow();
        kit.outbox.registerEntries(List.of(new Outbox.Entry(stored.documentId() + "|lost-writer", stored.documentId(), "lost-writer", "d1", 0,
                Instant.now())));
        MockProducer<String, byte[]> producer = producer();
        relay = relay(producer, Duration.ofMinutes(10), false);
        relay.start();

        Eventually.that(() -> assertThat(kit.outbox.pending(10)).isEmpty());
        assertThat(producer.history()).as("the stored event once, the lost writer's never").hasSize(1);
    }

    @Test
    void anEntryWaitingForItsWriterHoldsBackOnlyItsOwnAggregateAndIsDroppedOnceAbandoned() {
        kit.outbox.registerEntries(List.of(new Outbox.Entry(EventDocuments.documentId("d0", 0) + "|slow", EventDocuments.documentId("d0", 0),
                "slow", "d0", 0, Instant.now())));
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        MockProducer<String, byte[]> producer = producer();
        relay = relay(producer, Duration.ofMillis(800), false);
        relay.start();

        Eventually.that(() -> assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("d1"));
        Eventually.that(() -> assertThat(kit.outbox.pending(10)).isEmpty());
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void storedEventsThatLostTheirOutboxEntryAreFoundWhenTheRelayTakesTheLease() {
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        kit.append(event("Drill", "d1", 1, new DrillHeld("d1", "m1")));
        kit.outbox.remove(kit.outbox.pending(10).stream().map(Outbox.Entry::key).toList());
        MockProducer<String, byte[]> producer = producer();
        relay = relay(producer, Duration.ofMinutes(10));
        relay.start();

        Eventually.that(() -> assertThat(producer.history()).hasSize(2));
    }

    @Test
    void aSendThatCouldOutliveTheLeaseIsRefusedAtStart() {
        RelayLease lease = new RelayLease(kit.database, "publication-relay", "x", Duration.ofSeconds(10), Clock.systemUTC());
        assertThatThrownBy(() -> new PublicationRelay(kit.database, kit.outbox, kit.reader, kit.commits, producer(), () -> { },
                new CloudEventCodec("drills"), type -> TOPIC, lease, new PublicationRelay.Settings(Duration.ofMillis(50), 200, Duration.ofMinutes(10), true,
                Duration.ofHours(1), Duration.ofSeconds(5)), Clock.systemUTC(), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outlive the lease");
    }
}
