package org.dangjian.audit.integrity;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.dangjian.audit.command.AuditCommands;
import org.dangjian.audit.query.AuditLedger;
import org.dangjian.audit.query.Ledger;
import org.dangjian.audit.query.SubjectRules;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.messaging.Delivery;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.metadata.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Replays the record (重放): reads every topic the ledger reads from offset 0 to the end it had when the replay started,
 * into a ledger of its own ({@code replay_*}) while the live one keeps answering, then compares the two (every event
 * by stream and sequence with its hash, every finding, every subject) and records the result. One at a time. Then it
 * reads the same records once more without handling them, so that the replay's rate stands beside the raw consume
 * rate of the same topics.
 */
@Component
public class Replayer {

    private static final Logger log = LoggerFactory.getLogger(Replayer.class);
    private static final int LISTED = 200;

    /** A replay running in this instance. */
    public record Progress(String id, long total, AtomicLong done, Instant startedAt, AtomicReference<String> state) {

        public double ratePerSecond(Instant now) {
            double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
            return done.get() / seconds;
        }

        public Long secondsLeft(Instant now) {
            double rate = ratePerSecond(now);
            return rate <= 0 ? null : (long) Math.ceil((total - done.get()) / rate);
        }
    }

    private final AuditLedger live;
    private final MongoDatabase database;
    private final SubjectRules rules;
    private final CommandDispatcher commands;
    private final KafkaProperties kafka;
    private final PlatformProperties properties;
    private final CloudEventCodec cloudEvents;
    private final Clock clock;
    private final AtomicReference<Progress> running = new AtomicReference<>();

    public Replayer(AuditLedger live, MongoDatabase serviceDatabase, SubjectRules rules, CommandDispatcher commands, KafkaProperties kafka,
                    PlatformProperties properties, CloudEventCodec cloudEvents, Clock clock) {
        this.live = live;
        this.database = serviceDatabase;
        this.rules = rules;
        this.commands = commands;
        this.kafka = kafka;
        this.properties = properties;
        this.cloudEvents = cloudEvents;
        this.clock = clock;
    }

    /** The replay running or last run in this instance. */
    public Optional<Progress> progress(String id) {
        Progress progress = running.get();
        return progress != null && progress.id().equals(id) ? Optional.of(progress) : Optional.empty();
    }

    /** Starts a replay of everything, or of one stream; returns once it is recorded as started. */
    public synchronized CommandResult start(String service, String aggregateId, CommandContext context) {
        Progress current = running.get();
        if (current != null && "RUNNING".equals(current.state().get())) {
            throw RuleViolation.conflict("REPLAY_RUNNING", "Replay {0} is still running; start another when it has finished", current.id());
        }
        Map<String, String> serviceByTopic = live.subscription().serviceByTopic(properties::topicOf);
        Map<TopicPartition, long[]> ranges = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : serviceByTopic.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            partitions.forEach(partition -> ranges.put(partition, new long[] {beginning.get(partition), end.get(partition)}));
        }
        long total = ranges.values().stream().mapToLong(range -> range[1] - range[0]).sum();
        String id = UUID.randomUUID().toString();
        CommandResult result = commands.send(id, replayId -> new AuditCommands.StartReplay(replayId, service, aggregateId, total), context);
        Progress progress = new Progress(result.id(), total, new AtomicLong(), clock.instant(), new AtomicReference<>("RUNNING"));
        if (!result.replayed()) {
            running.set(progress);
            Thread thread = new Thread(() -> run(progress, service, aggregateId, serviceByTopic, ranges), "audit-replay");
            thread.setDaemon(true);
            thread.start();
        }
        return result;
    }

    private void run(Progress progress, String service, String aggregateId, Map<String, String> serviceByTopic, Map<TopicPartition, long[]> ranges) {
        try {
            Ledger replay = new Ledger(database, "replay", rules);
            replay.collections().forEach(collection -> database.getCollection(collection).drop());
            replay.createIndexes();
            String only = service == null ? null : Ledger.stream(service, aggregateId);
            long started = System.nanoTime();
            read(ranges, serviceByTopic, deliveries -> {
                List<Delivery> wanted = only == null ? deliveries : deliveries.stream()
                        .filter(d -> d.readable() && only.equals(Ledger.stream(d.service(), d.event().aggregateId()))).toList();
                if (!wanted.isEmpty()) {
                    replay.record(wanted);
                }
                progress.done().addAndGet(deliveries.size());
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            long rawStarted = System.nanoTime();
            read(ranges, serviceByTopic, deliveries -> { });
            long rawMillis = (System.nanoTime() - rawStarted) / 1_000_000;
            List<String> differences = new ArrayList<>();
            long[] counts = compare(replay, only, ranges, differences);
            List<String> listed = differences.size() > LISTED ? List.copyOf(differences.subList(0, LISTED)) : List.copyOf(differences);
            commands.sendAs(Actor.service("audit"), progress.id(), id -> new AuditCommands.FinishReplay(id, progress.total(), millis, rawMillis,
                    counts[0], counts[1], listed), CommandContext.of(null, "replay finished", Map.of("replay", progress.id()), null));
            progress.state().set("FINISHED");
            log.info("Replay {}: {} records in {} ms (raw read {} ms), {} streams compared, {} differences", progress.id(), progress.total(),
                    millis, rawMillis, counts[0], counts[1]);
        } catch (RuntimeException e) {
            progress.state().set("FAILED");
            log.error("Replay {} failed", progress.id(), e);
        }
    }

    /** Reads every partition from its beginning up to (not including) the end offset it had at the start. */
    private void read(Map<TopicPartition, long[]> ranges, Map<String, String> serviceByTopic, java.util.function.Consumer<List<Delivery>> handler) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> open = new ArrayList<>();
            ranges.forEach((partition, range) -> {
                if (range[1] > range[0]) {
                    open.add(partition);
                }
            });
            consumer.assign(open);
            open.forEach(partition -> consumer.seek(partition, ranges.get(partition)[0]));
            Set<TopicPartition> remaining = new HashSet<>(open);
            while (!remaining.isEmpty()) {
                List<Delivery> deliveries = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ranges.get(partition)[1]) {
                        continue;
                    }
                    deliveries.add(delivery(record, serviceByTopic.get(record.topic())));
                }
                handler.accept(deliveries);
                for (TopicPartition partition : List.copyOf(remaining)) {
                    if (consumer.position(partition) >= ranges.get(partition)[1]) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        }
    }

    private Delivery delivery(ConsumerRecord<String, byte[]> record, String service) {
        Instant publishedAt = Instant.ofEpochMilli(record.timestamp());
        try {
            PublishedEvent event = cloudEvents.fromRecord(record);
            return new Delivery(service, record.topic(), record.partition(), record.offset(), publishedAt, event, null);
        } catch (CloudEventCodec.UnreadableEventException e) {
            return new Delivery(service, record.topic(), record.partition(), record.offset(), publishedAt, null, e.getMessage());
        }
    }

    /**
     * Compares the replayed ledger with the live one, within what the replay read: every event (the same id and hash at
     * each stream and sequence, none missing on either side), every finding, every subject. Answers {streams, differences}.
     */
    private long[] compare(Ledger replay, String only, Map<TopicPartition, long[]> ranges, List<String> differences) {
        Ledger current = live.ledger();
        long streams = 0;
        for (Document stream : replay.streams().find(only == null ? new Document() : eq("_id", only))) {
            streams++;
            String key = stream.getString("_id");
            Map<Long, Document> replayed = new HashMap<>();
            replay.events().find(eq("stream", key)).forEach(doc -> replayed.put(doc.get("sequence", Number.class).longValue(), doc));
            Map<Long, Document> held = new HashMap<>();
            current.events().find(eq("stream", key)).forEach(doc -> {
                if (within(doc, ranges)) {
                    held.put(doc.get("sequence", Number.class).longValue(), doc);
                }
            });
            for (Map.Entry<Long, Document> entry : replayed.entrySet()) {
                Document mine = held.get(entry.getKey());
                if (mine == null) {
                    differences.add(key + " sequence " + entry.getKey() + ": on the topic, not in the live record");
                } else if (!mine.getString("hash").equals(entry.getValue().getString("hash"))
                        || !mine.getString("eventId").equals(entry.getValue().getString("eventId"))) {
                    differences.add(key + " sequence " + entry.getKey() + ": the live record holds " + mine.getString("eventId") + " with hash "
                            + mine.getString("hash") + ", the topic " + entry.getValue().getString("eventId") + " with hash "
                            + entry.getValue().getString("hash"));
                }
            }
            for (Long sequence : held.keySet()) {
                if (!replayed.containsKey(sequence)) {
                    differences.add(key + " sequence " + sequence + ": in the live record, not on the topic");
                }
            }
        }
        if (only == null) {
            // streams the live record holds within the replay's range that the topics no longer do
            Set<String> replayedStreams = new HashSet<>();
            replay.streams().find().forEach(doc -> replayedStreams.add(doc.getString("_id")));
            for (Document stream : current.streams().find()) {
                if (!replayedStreams.contains(stream.getString("_id"))) {
                    Document first = current.events().find(eq("stream", stream.getString("_id"))).first();
                    if (first != null && within(first, ranges)) {
                        differences.add(stream.getString("_id") + ": in the live record, not on the topics");
                    }
                }
            }
        }
        Set<String> replayFindings = new HashSet<>();
        replay.findings().find(only == null ? new Document() : eq("stream", only)).forEach(doc -> replayFindings.add(doc.getString("_id")));
        Set<String> liveFindings = new HashSet<>();
        current.findings().find(only == null ? new Document() : eq("stream", only)).forEach(doc -> {
            if (within(doc, ranges)) {
                liveFindings.add(doc.getString("_id"));
            }
        });
        replayFindings.stream().filter(id -> !liveFindings.contains(id)).sorted()
                .forEach(id -> differences.add("finding " + id + ": found by the replay, not in the live record"));
        liveFindings.stream().filter(id -> !replayFindings.contains(id)).sorted()
                .forEach(id -> differences.add("finding " + id + ": in the live record, not found by the replay"));
        Set<String> liveSubjects = new HashSet<>();
        current.subjects().find().forEach(doc -> liveSubjects.add(doc.getString("_id")));
        replay.subjects().find(only == null ? new Document() : eq("service", only.substring(0, only.indexOf('|')))).forEach(doc -> {
            if (!liveSubjects.contains(doc.getString("_id"))) {
                differences.add("subject " + doc.getString("_id") + ": found by the replay, not in the live record");
            }
        });
        return new long[] {streams, differences.size()};
    }

    /** Whether the document was read at an offset the replay read too. */
    private static boolean within(Document doc, Map<TopicPartition, long[]> ranges) {
        String topic = doc.getString("topic");
        Number partition = doc.get("partition", Number.class);
        Number offset = doc.get("offset", Number.class);
        if (topic == null || partition == null || offset == null) {
            return false;
        }
        long[] range = ranges.get(new TopicPartition(topic, partition.intValue()));
        return range != null && offset.longValue() < range[1];
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-replay");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
