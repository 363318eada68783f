package org.dangjian.subscriptions.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.subscriptions.command.Catalogue;
import org.dangjian.subscriptions.query.SubscriptionsReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers each granted {@code KAFKA} subscription's events to a topic of its own, {@code
 * dangjian.deliveries.<department>.<subscription id>} (one partition, kept forever), in journal order: the grant's
 * events only, personal data as granted, as CloudEvents in Kafka's binary mode like the platform's topics (the
 * attributes as {@code ce_*} headers, {@code ce_dangjianposition} and {@code ce_dangjianmasked} included; the data as
 * the value; the key the record's id). A department's consumer reads that topic; a deployment gives it a read ACL on its
 * prefix {@code dangjian.deliveries.<department>.} and none on the platform's own topics (docs/deployment.md). A write
 * the broker did not acknowledge is tried again on the next round; the cursor ({@link DeliveryCursors}) moves only past
 * acknowledged writes, so an event may be written twice after a crash, never lost.
 */
@Component
public class KafkaDelivery implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PREFIX = "dangjian.deliveries.";

    private final SubscriptionsReadModel subscriptions;
    private final JournalReader reader;
    private final DeliveryRecords records;
    private final Catalogue catalogue;
    private final DeliverySettings settings;
    private final DeliveryCursors cursors;
    private final KafkaAdmin admin;
    private final String bootstrapServers;
    private final String namespace;
    private final short replicationFactor;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private volatile KafkaProducer<String, byte[]> producer;

    public KafkaDelivery(SubscriptionsReadModel subscriptions, JournalReader reader, DeliveryRecords records,
                         Catalogue catalogue, DeliverySettings settings, DeliveryCursors cursors, KafkaAdmin admin, PlatformProperties properties,
                         @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.records = records;
        this.catalogue = catalogue;
        this.settings = settings;
        this.cursors = cursors;
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.namespace = properties.eventing().namespace();
        this.replicationFactor = properties.eventing().replicationFactor();
    }

    /** The topic of a subscription: {@code dangjian.deliveries.<department>.<subscription id>} (in the platform's namespace). */
    public String topicOf(String department, String subscriptionId) {
        String safe = department == null ? "unknown" : department.replaceAll("[^A-Za-z0-9_-]", "_");
        return namespace + PREFIX + safe + "." + subscriptionId;
    }

    @Scheduled(fixedDelayString = "${dangjian.subscriptions.poll-interval:250ms}", initialDelayString = "${dangjian.subscriptions.poll-interval:250ms}")
    public void deliver() {
        for (Document subscription : subscriptions.granted("KAFKA")) {
            try {
                Grant.of(subscription).ifPresent(this::deliver);
            } catch (RuntimeException e) {
                LOG.warn("Kafka delivery of subscription {} failed; it is tried again: {}", subscription.getString("_id"), e.toString());
            }
        }
    }

    private void deliver(Grant grant) {
        String topic = topicOf(grant.department(), grant.subscriptionId());
        ensureTopic(topic);
        long cursor = cursors.of(grant);
        List<JournalReader.Step> steps = reader.next(grant, cursor);
        if (steps.isEmpty()) {
            return;
        }
        for (JournalReader.Step step : steps) {
            if (step.deliver()) {
                Grant.Delivered delivered = grant.cloudEvent(step.entry(), catalogue);
                try {
                    producer().send(record(topic, delivered.event())).get(settings.webhookTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    LOG.warn("Kafka delivery of subscription {} at position {} not acknowledged; tried again: {}", grant.subscriptionId(),
                            step.position(), e.toString());
                    break;
                }
                records.written(grant, step.entry(), delivered.masked(), topic);
            }
            cursor = step.position();
        }
        cursors.moveTo(grant, cursor);
    }

    /** The CloudEvent in binary mode: every attribute but the data as a {@code ce_} header, the data as the value. */
    static ProducerRecord<String, byte[]> record(String topic, ObjectNode event) {
        JsonNode data = event.get("data");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.path("subject").asString(), JSON.writeValueAsBytes(data));
        for (Map.Entry<String, JsonNode> attribute : event.properties()) {
            String name = attribute.getKey();
            if (name.equals("data")) {
                continue;
            }
            String header = name.equals("datacontenttype") ? "content-type" : "ce_" + name;
            record.headers().add(header, attribute.getValue().asString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private void ensureTopic(String topic) {
        if (created.add(topic)) {
            admin.createOrModifyTopics(new NewTopic(topic, 1, replicationFactor).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> known = producer;
        if (known == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
                }
                known = producer;
            }
        }
        return known;
    }

    @Override
    public void destroy() {
        KafkaProducer<String, byte[]> known = producer;
        if (known != null) {
            known.close(java.time.Duration.ofSeconds(5));
        }
    }
}
