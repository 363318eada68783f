package org.dangjian.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The example consumer of docs/subscribing.md against a real broker (the embedded one, or Testcontainers' Kafka): the
 * platform's records as its services publish them (CloudEvents in binary mode with the hash chain), delivered out of
 * order, twice and with a link forged; it handles each event once in its record's order and names the broken link.
 */
class DepartmentConsumerTest {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";

    record Handled(String type, String subject, long sequence) {
    }

    @Test
    void eachEventOnceInItsRecordsOrderThoughKafkaDeliversThemOutOfOrderAndTwiceAndABrokenLinkIsNamed() {
        String kafka = TestInfrastructure.endpoints().kafkaBootstrapServers();
        String scratch = "example-scratch-" + UUID.randomUUID();
        String topic = "example-organisation-" + UUID.randomUUID();
        String unit = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (ForeignEvents organisation = new ForeignEvents(kafka, scratch, "organisation", "OrganisationUnit");
             ForeignEvents target = new ForeignEvents(kafka, topic, "organisation", "OrganisationUnit")) {
            organisation.publish(unit, new OrganisationUnitEstablished(unit, OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE, "设立"));
            organisation.publish(unit, new OrganisationUnitRenamed(unit, "第一党支部", "机关第一党支部", "更名"));
            organisation.publish(unit, new OrganisationUnitRenamed(unit, "机关第一党支部", "机关一支部", "简称"));
            organisation.publish(other, new OrganisationUnitEstablished(other, OrganisationUnitKind.BRANCH, null, "第二党支部", COMMITTEE, "设立"));
            organisation.publish(other, new OrganisationUnitRenamed(other, "第二党支部", "机关第二党支部", "更名"));
            List<ConsumerRecord<String, byte[]>> published = read(kafka, scratch, 5);
            ConsumerRecord<String, byte[]> unit0 = of(published, unit, 0);
            ConsumerRecord<String, byte[]> unit1 = of(published, unit, 1);
            ConsumerRecord<String, byte[]> unit2 = of(published, unit, 2);
            ConsumerRecord<String, byte[]> other0 = of(published, other, 0);
            ConsumerRecord<String, byte[]> other1 = of(published, other, 1);
            // out of order within a record (the platform republished what it found missing), twice, and a forged link
            send(kafka, topic, List.of(unit0, unit2, other0, unit1, unit1, unit2), Map.of());
            send(kafka, topic, List.of(other1), Map.of("ce_prevhash", "f".repeat(64)));

            List<Handled> handled = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            DepartmentConsumer.Handler handler = new DepartmentConsumer.Handler() {
                @Override
                public void handle(String type, String source, String subject, long sequence, String json) {
                    handled.add(new Handled(type.replace("org.dangjian.organisation.", ""), subject, sequence));
                    assertThat(source).isEqualTo("/dangjian/organisation");
                    assertThat(json).startsWith("{\"unitId\":\"" + subject + "\"");
                }

                @Override
                public void broken(String source, String subject, long sequence, String expectedPrevHash, String prevHash) {
                    broken.add(subject + " " + sequence);
                }
            };
            try (DepartmentConsumer consumer = new DepartmentConsumer(kafka, "renshi-department.example", List.of(topic), handler)) {
                Eventually.that(Duration.ofSeconds(30), () -> {
                    consumer.pollOnce(Duration.ofMillis(200));
                    assertThat(handled).hasSize(4);
                    assertThat(broken).hasSize(1);
                });
                assertThat(handled.stream().filter(h -> h.subject().equals(unit)).toList()).containsExactly(
                        new Handled("OrganisationUnitEstablished.v1", unit, 0), new Handled("OrganisationUnitRenamed.v1", unit, 1),
                        new Handled("OrganisationUnitRenamed.v1", unit, 2));
                assertThat(handled).contains(new Handled("OrganisationUnitEstablished.v1", other, 0));
                assertThat(broken).containsExactly(other + " 1");
                assertThat(consumer.held()).isZero();
                assertThat(consumer.positions().get("/dangjian/organisation " + unit).hash())
                        .isEqualTo(DepartmentConsumer.header(unit2, "ce_hash"));
            }
        }
    }

    private static ConsumerRecord<String, byte[]> of(List<ConsumerRecord<String, byte[]>> records, String subject, long sequence) {
        return records.stream().filter(r -> r.key().equals(subject) && DepartmentConsumer.header(r, "ce_sequence").equals(Long.toString(sequence)))
                .findFirst().orElseThrow();
    }

    private static List<ConsumerRecord<String, byte[]>> read(String kafka, String topic, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "example-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Eventually.that(Duration.ofSeconds(30), () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSize(count);
            });
        }
        return records;
    }

    /** The records again, as published (key, value, headers), with some headers replaced. */
    private static void send(String kafka, String topic, List<ConsumerRecord<String, byte[]>> records, Map<String, String> replaced) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> record : records) {
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, record.key(), record.value());
                record.headers().forEach(header -> copy.headers().add(header.key(), replaced.containsKey(header.key())
                        ? replaced.get(header.key()).getBytes(StandardCharsets.UTF_8) : header.value()));
                producer.send(copy);
            }
            producer.flush();
        }
    }
}
