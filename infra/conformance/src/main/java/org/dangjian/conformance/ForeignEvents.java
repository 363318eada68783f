package org.dangjian.conformance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.contracts.EventTypes;
import org.dangjian.runtime.eventstore.CanonicalEvent;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.metadata.Actor;

/**
 * Another service's events, published on its topic as that service would publish them (CloudEvents in Kafka binary
 * mode, each aggregate's sequence from 0 and its hash chain), for a test of a service that reads them: a read model
 * of another service's units, a reaction to an attendance or a sanction. The service under test runs alone; this
 * stands in for the others. One instance per test class; each aggregate's next sequence and previous hash are kept.
 */
public final class ForeignEvents implements AutoCloseable {

    private final String service;
    private final String topic;
    private final String aggregateType;
    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventCodec codec;
    private final EventPayloadCodec payloads = new EventPayloadCodec();
    private final Map<String, StoredEvent> heads = new ConcurrentHashMap<>();

    /**
     * @param topic         the publishing service's topic as the service under test names it (with its namespace):
     *                      {@code PlatformProperties.topicOf(service)}
     * @param service       the publishing service's name, e.g. {@code organisation}
     * @param aggregateType the aggregate type its events carry, e.g. {@code OrganisationUnit}
     */
    public ForeignEvents(String bootstrapServers, String topic, String service, String aggregateType) {
        this.service = service;
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.codec = new CloudEventCodec(service);
        createTopic(bootstrapServers, topic);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The topic as its service would create it (3 partitions, kept forever), unless it exists. */
    private static void createTopic(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not create " + topic + " within 30 s", e);
        }
    }

    /** Publishes the event as the aggregate's next one, acted by a service account; answers it as published. */
    public StoredEvent publish(String aggregateId, Object payload) {
        return publish(aggregateId, payload, Actor.service(service));
    }

    /** Publishes the event as the aggregate's next one, acted by {@code actor}; answers it as published. */
    public synchronized StoredEvent publish(String aggregateId, Object payload, Actor actor) {
        StoredEvent previous = heads.get(aggregateId);
        long sequence = previous == null ? 0 : previous.sequence() + 1;
        String prevHash = previous == null ? CanonicalEvent.GENESIS : previous.hash();
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        String type = EventTypes.of(payload.getClass());
        String eventId = UUID.randomUUID().toString();
        String data = payloads.toJson(payload);
        CanonicalEvent canonical = new CanonicalEvent(eventId, type, aggregateId, aggregateType, sequence, now, now, actor, eventId, null, data,
                prevHash);
        StoredEvent event = new StoredEvent(eventId, aggregateId, aggregateType, sequence, type, data, now, now, actor, eventId, null, null,
                prevHash, canonical.hash(), true);
        return send(event);
    }

    /** Publishes an event exactly as given again (a redelivery: same id, same sequence). */
    public StoredEvent republish(StoredEvent event) {
        return send(event);
    }

    private StoredEvent send(StoredEvent event) {
        try {
            producer.send(codec.toRecord(topic, event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish " + event.type(), e.getCause());
        }
        heads.merge(event.aggregateId(), event, (a, b) -> a.sequence() >= b.sequence() ? a : b);
        return event;
    }

    @Override
    public void close() {
        producer.close();
    }
}
