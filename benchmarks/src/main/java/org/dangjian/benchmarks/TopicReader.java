package org.dangjian.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A topic of the embedded broker read from outside the platform, as a plain Kafka client sees it. */
final class TopicReader implements AutoCloseable {

    /** A raw read of the whole topic. */
    record Consumed(long records, long bytes, Duration took) {
        double perSecond() {
            return perSecond(records, took);
        }

        /** {@code records} in {@code took}, per second (a rebuild's rate is measured against the raw read's). */
        static double perSecond(long records, Duration took) {
            return records / (took.toNanos() / 1e9);
        }
    }

    private final String bootstrap;
    private final String topic;
    private final Admin admin;

    TopicReader(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "client.id", "benchmark-lag"));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /**
     * Reads every record of the topic from offset 0 with a plain consumer (partitions assigned, no group,
     * {@code read_committed} as the services read), timed from the first poll until it reached the end offsets.
     */
    Consumed consumeAll() {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", false, "isolation.level", "read_committed",
                "client.id", "benchmark-raw-consume");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(consumer::position); // resolve the starting positions before the clock starts
            long records = 0;
            long bytes = 0;
            long began = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    bytes += record.serializedValueSize() + Math.max(0, record.serializedKeySize());
                }
            }
            return new Consumed(records, bytes, Duration.ofNanos(System.nanoTime() - began));
        }
    }

    /**
     * Every consumer group's lag on the topic from its committed offsets (end offset minus committed, summed over the
     * topic's partitions; a partition it never committed counts from 0), by group: what has not been handled and
     * committed yet, whatever the group's members report. Groups that never committed on the topic are left out.
     */
    Map<String, Long> committedLag() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
            Map<String, Long> lag = new TreeMap<>();
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                if (committed.keySet().stream().anyMatch(p -> p.topic().equals(topic))) {
                    lag.put(group.groupId(), end.entrySet().stream().mapToLong(e -> {
                        OffsetAndMetadata offset = committed.get(e.getKey());
                        return Math.max(0, e.getValue() - (offset == null ? 0 : offset.offset()));
                    }).sum());
                }
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the consumer groups' offsets failed", e.getCause());
        }
    }
}
