package org.dangjian.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

    @Test
    void kafkaKeepsTopicsAndEventsAcrossARestartOfTheBrokerOnTheSameDirectory(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("events", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                    "enable.idempotence", true, "acks", "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("events", "unit-1", "established")).get();
            }
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            Properties props = new Properties();
            props.put("bootstrap.servers", broker.bootstrapServers());
            props.put("group.id", "reader");
            props.put("auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("events"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(200));
                }
                assertThat(records).extracting(r -> r.key() + "=" + r.value()).containsExactly("unit-1=established");
            }
        }
    }

    @Test
    void mongoOnDiskKeepsDocumentsAcrossARestart(@TempDir Path dir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("organisation").getCollection("events").insertOne(new Document("_id", "unit-1:1").append("v", 1));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document found = client.getDatabase("organisation").getCollection("events").find(new Document("_id", "unit-1:1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("v")).isEqualTo(1);
        }
    }
}
