package org.dangjian.examples;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A department's own consumer of the platform's topics, with nothing but {@code kafka-clients} (docs/subscribing.md,
 * "Raw Kafka"): every event of each record once, in the record's order, whatever Kafka delivers twice or the platform
 * publishes again; an event beyond the next one is held until the ones before it come; and each event's {@code
 * ce_prevhash} must be the {@code ce_hash} of the one before it in its record (64 zeros for the first), else the chain
 * is broken there and the consumer says so instead of handling it.
 *
 * <p>It keeps its positions in memory for brevity: a real consumer keeps {@link #positions()} with its own data, in the
 * same transaction as what it did with the events, and commits Kafka offsets after that.
 */
public final class DepartmentConsumer implements AutoCloseable {

    /** What the department does with each event, once, in order. */
    public interface Handler {

        /** An event: its type ({@code ce_type}), record ({@code ce_source} and {@code ce_subject}), sequence and JSON body. */
        void handle(String type, String source, String subject, long sequence, String json);

        /** The chain of a record breaks at this sequence: the event does not follow the one before it. */
        default void broken(String source, String subject, long sequence, String expectedPrevHash, String prevHash) {
            throw new IllegalStateException("the chain of " + source + " " + subject + " breaks at " + sequence);
        }
    }

    /** Where a record stands: the last sequence handled and its hash. */
    public record Position(long sequence, String hash) {
    }

    static final String GENESIS = "0".repeat(64);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Handler handler;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, TreeMap<Long, ConsumerRecord<String, byte[]>>> held = new HashMap<>();

    /**
     * @param bootstrapServers the platform's Kafka, e.g. {@code 127.0.0.1:9092}
     * @param groupId          the department's own consumer group, e.g. {@code renshi-department.units}
     * @param topics           the topics, e.g. {@code dangjian.organisation.events}
     */
    public DepartmentConsumer(String bootstrapServers, String groupId, List<String> topics, Handler handler) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");     // from the first event ever published
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);          // commit after handling: at least once
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.handler = handler;
        consumer.subscribe(topics);
    }

    /** One poll: handles what came, in order per record, and commits. */
    public void pollOnce(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            accept(record);
        }
        consumer.commitSync();
    }

    /** Runs until the thread is interrupted. */
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            pollOnce(Duration.ofSeconds(1));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        String source = header(record, "ce_source");
        String subject = header(record, "ce_subject");
        String sequenceText = header(record, "ce_sequence");
        if (source == null || subject == null || sequenceText == null) {
            return; // not one of the platform's events
        }
        String stream = source + " " + subject;
        long sequence = Long.parseLong(sequenceText);
        Position last = positions.get(stream);
        long next = last == null ? 0 : last.sequence() + 1;
        if (sequence < next) {
            return; // a duplicate
        }
        if (sequence > next) {
            held.computeIfAbsent(stream, s -> new TreeMap<>()).putIfAbsent(sequence, record); // wait for the ones before it
            return;
        }
        if (!handleInOrder(stream, source, subject, record)) {
            return;
        }
        TreeMap<Long, ConsumerRecord<String, byte[]>> waiting = held.get(stream);
        while (waiting != null && !waiting.isEmpty() && waiting.firstKey() == positions.get(stream).sequence() + 1) {
            if (!handleInOrder(stream, source, subject, waiting.pollFirstEntry().getValue())) {
                return;
            }
        }
    }

    /** Handles the next event of a record if it links to the one before; answers whether it did. */
    private boolean handleInOrder(String stream, String source, String subject, ConsumerRecord<String, byte[]> record) {
        long sequence = Long.parseLong(header(record, "ce_sequence"));
        Position last = positions.get(stream);
        String expected = last == null ? GENESIS : last.hash();
        String prevHash = header(record, "ce_prevhash");
        if (!expected.equals(prevHash)) {
            handler.broken(source, subject, sequence, expected, prevHash);
            return false;
        }
        handler.handle(header(record, "ce_type"), source, subject, sequence, new String(record.value(), StandardCharsets.UTF_8));
        positions.put(stream, new Position(sequence, header(record, "ce_hash")));
        return true;
    }

    /** Each record's position (keep it with your own data). */
    public Map<String, Position> positions() {
        return Map.copyOf(positions);
    }

    /** How many events wait for the ones before them. */
    public int held() {
        return held.values().stream().mapToInt(Map::size).sum();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
