package org.dangjian.runtime.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.dangjian.runtime.eventstore.CanonicalEvent;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.metadata.Actor;

/**
 * Events on Kafka: CloudEvents 1.0 in binary mode. The body is the event's JSON, byte for byte as stored and hashed;
 * the attributes travel as {@code ce_*} headers:
 * <ul>
 *   <li>{@code id}, {@code source} ({@code /dangjian/<service>}), {@code type} (the versioned event type),
 *       {@code subject} (the aggregate id), {@code time} (business time), {@code datacontenttype},
 *       {@code dataschema} ({@code urn:dangjian:schema:<type>});</li>
 *   <li>existing extensions: {@code partitionkey} (the aggregate id, also the record key) and {@code sequence} (the
 *       event's position in its aggregate, as a decimal string);</li>
 *   <li>ours: {@code aggregatetype}, {@code recordedtime}, {@code actorid}, {@code actorrole}, {@code actororg},
 *       {@code correlationid}, {@code causationid}, {@code prevhash}, {@code hash}.</li>
 * </ul>
 * Reading does not decode the body: a consumer decodes the types it declared ({@link PublishedEvent#withPayload}).
 */
public final class CloudEventCodec {

    private static final String SOURCE_PREFIX = "/dangjian/";

    private final String source;

    public CloudEventCodec(String serviceName) {
        this.source = SOURCE_PREFIX + serviceName;
    }

    public ProducerRecord<String, byte[]> toRecord(String topic, StoredEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(URI.create(source))
                .withType(event.type())
                .withSubject(event.aggregateId())
                .withTime(OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create("urn:dangjian:schema:" + event.type()))
                .withData(event.data().getBytes(StandardCharsets.UTF_8))
                .withExtension("partitionkey", event.aggregateId())
                .withExtension("sequence", Long.toString(event.sequence()))
                .withExtension("aggregatetype", event.aggregateType())
                .withExtension("recordedtime", CanonicalEvent.format(event.recordedAt()))
                .withExtension("actorid", event.actor().id())
                .withExtension("actorrole", event.actor().role())
                .withExtension("prevhash", event.prevHash())
                .withExtension("hash", event.hash());
        if (event.actor().organisation() != null) {
            builder.withExtension("actororg", event.actor().organisation());
        }
        if (event.correlationId() != null) {
            builder.withExtension("correlationid", event.correlationId());
        }
        if (event.causationId() != null) {
            builder.withExtension("causationid", event.causationId());
        }
        return KafkaMessageFactory.<String>createWriter(topic, event.aggregateId()).writeBinary(builder.build());
    }

    /**
     * The record as an event, body not decoded.
     *
     * @throws UnreadableEventException when it is not one of the platform's CloudEvents
     */
    public PublishedEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        try {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            String data = new String(required(event.getData(), "data").toBytes(), StandardCharsets.UTF_8);
            return new PublishedEvent(
                    event.getId(),
                    event.getSource().toString(),
                    event.getType(),
                    required(event.getSubject(), "subject"),
                    required(string(event, "aggregatetype"), "aggregatetype"),
                    Long.parseLong(required(string(event, "sequence"), "sequence")),
                    required(event.getTime(), "time").toInstant(),
                    Instant.parse(required(string(event, "recordedtime"), "recordedtime")),
                    new Actor(string(event, "actorid"), string(event, "actorrole"), string(event, "actororg")),
                    string(event, "correlationid"),
                    string(event, "causationid"),
                    required(string(event, "prevhash"), "prevhash"),
                    required(string(event, "hash"), "hash"),
                    data,
                    null);
        } catch (RuntimeException e) {
            throw new UnreadableEventException(record, e);
        }
    }

    /** A stored event as consumers see it, for repairs that read the store directly (body not decoded). */
    public PublishedEvent fromStore(StoredEvent event) {
        return new PublishedEvent(event.eventId(), source, event.type(), event.aggregateId(), event.aggregateType(), event.sequence(),
                event.occurredAt(), event.recordedAt(), event.actor(), event.correlationId(), event.causationId(), event.prevHash(),
                event.hash(), event.data(), null);
    }

    private static String string(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }

    private static <T> T required(T value, String attribute) {
        if (value == null) {
            throw new IllegalArgumentException("no " + attribute);
        }
        return value;
    }

    /** A record that is not one of the platform's CloudEvents (missing or malformed attributes). */
    public static final class UnreadableEventException extends RuntimeException {

        UnreadableEventException(ConsumerRecord<String, byte[]> record, Throwable cause) {
            super("Record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " is not a readable event: " + cause.getMessage(),
                    cause);
        }
    }
}
