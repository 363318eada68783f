package org.dangjian.runtime.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandDispatchers;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.EventTypeRegistry;
import org.dangjian.runtime.eventstore.KeyedMongoEventStorageEngine;
import org.dangjian.runtime.eventstore.SnapshotSerializer;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.metadata.PlatformCorrelationDataProvider;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.publication.PublicationRelay;
import org.dangjian.runtime.publication.RelayLease;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.ReadModelPositions;
import org.dangjian.runtime.readmodel.ReadModelProgress;
import org.dangjian.runtime.readmodel.ReadModelRunner;
import org.dangjian.runtime.readmodel.ReadModelRunners;
import org.dangjian.runtime.readmodel.ReadModelsEndpoint;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.security.CurrentActor;
import org.dangjian.runtime.security.ServiceSecurityConfiguration;
import org.dangjian.runtime.web.CorrelationIdFilter;
import org.dangjian.runtime.web.PlatformExceptionHandler;
import org.dangjian.runtime.web.ProblemFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires an event-sourced service: the keyed MongoDB event store under Axon, the outbox and publication relay to the
 * service's Kafka topic, read-model runners for every {@link ReadModel} bean, the command dispatcher with safe
 * retries, event metadata, problem+json errors, correlation ids and resource-server security.
 *
 * <p>A service supplies {@code dangjian.service.name}, a {@link PublishedEventTypes} bean, its aggregates, read models
 * and controllers. Runs before Axon's auto-configuration so that Axon builds its event store on this engine.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(PlatformProperties.class)
@Import(ServiceSecurityConfiguration.class)
public class EventSourcingRuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPayloadCodec eventPayloadCodec() {
        return new EventPayloadCodec();
    }

    @Bean
    EventTypeRegistry eventTypeRegistry(PublishedEventTypes types) {
        return new EventTypeRegistry(types.types());
    }

    /** The service's own database: {@code spring.mongodb.database}, else the URI's, else the service name. */
    @Bean
    MongoDatabase serviceDatabase(MongoClient client, MongoProperties mongo, PlatformProperties properties) {
        String name = mongo.getDatabase();
        if (name == null && mongo.getUri() != null) {
            name = new com.mongodb.ConnectionString(mongo.getUri()).getDatabase();
        }
        return client.getDatabase(name == null ? properties.serviceName() : name);
    }

    @Bean
    Outbox outbox(MongoDatabase serviceDatabase) {
        return new Outbox(serviceDatabase);
    }

    @Bean
    EventStoreReader eventStoreReader(MongoDatabase serviceDatabase, EventPayloadCodec codec) {
        return new EventStoreReader(serviceDatabase, codec);
    }

    @Bean
    ChainVerifier chainVerifier(EventStoreReader reader) {
        return new ChainVerifier(reader);
    }

    @Bean
    CloudEventCodec cloudEventCodec(PlatformProperties properties, EventTypeRegistry registry, EventPayloadCodec codec) {
        return new CloudEventCodec(properties.source(), registry, codec);
    }

    @Bean
    CommandDispatchers commandDispatchers(MongoDatabase serviceDatabase, PlatformProperties properties) {
        PlatformProperties.Idempotency idempotency = properties.idempotency();
        return new CommandDispatchers(serviceDatabase, new CommandDispatcher.Settings(idempotency.waitForFirst(), idempotency.lease(),
                idempotency.retainDays()));
    }

    @Bean
    CommandDispatcher commandDispatcher(CommandDispatchers dispatchers, CommandGateway gateway, EventStoreReader reader,
                                        CurrentActor currentActor, Clock clock) {
        return dispatchers.dispatcher(gateway, reader, currentActor, clock);
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase serviceDatabase, EventStoreReader reader, EventTypeRegistry registry,
                                          EventPayloadCodec codec, Outbox outbox, PublicationRelay relay, CommandDispatchers dispatchers,
                                          MeterRegistry meters, Clock clock) {
        Counter stored = Counter.builder("dangjian.events.stored").description("Events appended to the event store").register(meters);
        return new KeyedMongoEventStorageEngine(serviceDatabase, reader, registry, codec, SnapshotSerializer.create(), outbox,
                List.of(events -> stored.increment(events.size()), dispatchers.appendListener(), relay), clock);
    }

    /**
     * Axon's aggregate cache, referenced by aggregates ({@code @Aggregate(cache = "aggregateCache")}): a warm command
     * loads nothing. Correctness does not rest on it: with several instances a cached aggregate can be stale, its
     * append then collides on the store's unique key, Axon evicts it, and the command is retried on a fresh load.
     */
    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    CorrelationDataProvider platformCorrelationDataProvider() {
        return new PlatformCorrelationDataProvider();
    }

    /** Referenced by aggregates: {@code @Aggregate(snapshotTriggerDefinition = "snapshotTrigger")}. */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, PlatformProperties properties) {
        int threshold = properties.eventStore().snapshotThreshold();
        return threshold <= 0 ? NoSnapshotTriggerDefinition.INSTANCE : new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    NewTopic serviceTopic(PlatformProperties properties) {
        PlatformProperties.Eventing eventing = properties.eventing();
        // events are kept forever: any read model can be rebuilt from offset 0
        return new NewTopic(properties.topic(), eventing.partitions(), eventing.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaProperties kafka, PlatformProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-relay");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    RelayLease relayLease(MongoDatabase serviceDatabase, PlatformProperties properties, Clock clock) {
        String owner = properties.serviceName() + "@" + hostName() + "/" + UUID.randomUUID();
        return new RelayLease(serviceDatabase, "publication-relay", owner, properties.publication().leaseTtl(), clock);
    }

    @Bean
    PublicationRelay publicationRelay(MongoDatabase serviceDatabase, Outbox outbox, EventStoreReader reader, Producer<String, byte[]> eventProducer,
                                      KafkaAdmin kafkaAdmin, NewTopic serviceTopic, CloudEventCodec cloudEvents, RelayLease relayLease,
                                      PlatformProperties properties, Clock clock, MeterRegistry meters) {
        PlatformProperties.Publication publication = properties.publication();
        Gauge.builder("dangjian.events.unpublished", outbox, Outbox::size)
                .description("Stored events waiting for publication to Kafka").baseUnit("events").register(meters);
        return new PublicationRelay(serviceDatabase, outbox, reader, eventProducer, () -> kafkaAdmin.createOrModifyTopics(serviceTopic),
                cloudEvents, properties.topic(), relayLease,
                new PublicationRelay.Settings(publication.sweepInterval(), publication.batchSize(), publication.abandonAfter(),
                        publication.startupScan(), publication.safetyScanInterval()),
                clock, meters);
    }

    @Bean
    ReadModelPositions readModelPositions(MongoDatabase serviceDatabase) {
        return new ReadModelPositions(serviceDatabase);
    }

    @Bean
    ReadModelProgress readModelProgress(ReadModelPositions positions) {
        return new ReadModelProgress(positions);
    }

    @Bean
    ReadYourWrites readYourWrites(ReadModelProgress progress, PlatformProperties properties) {
        return new ReadYourWrites(progress, properties.readModels().maxWait());
    }

    @Bean
    ReadModelRunners readModelRunners(ObjectProvider<ReadModel> models, KafkaProperties kafka, PlatformProperties properties,
                                      CloudEventCodec cloudEvents, ReadModelPositions positions, ReadModelProgress progress,
                                      EventStoreReader reader, Outbox outbox, Clock clock, MeterRegistry meters) {
        List<ReadModelRunner> runners = new ArrayList<>();
        for (ReadModel model : models.orderedStream().toList()) {
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup(model.name()));
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-" + model.name());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            runners.add(new ReadModelRunner(model,
                    () -> (Consumer<String, byte[]>) new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                    properties.topic(), cloudEvents, positions, progress, reader, outbox, clock, meters));
        }
        return new ReadModelRunners(runners);
    }

    @Bean
    EventSourcingHealthIndicator eventStoreHealthIndicator(MongoDatabase serviceDatabase, Outbox outbox, PublicationRelay relay,
                                                           ReadModelRunners runners) {
        return new EventSourcingHealthIndicator(serviceDatabase, outbox, relay, runners);
    }

    @Bean
    ReadModelsEndpoint readModelsEndpoint(ReadModelRunners runners) {
        return new ReadModelsEndpoint(runners);
    }

    @Bean
    ProblemFactory problemFactory() {
        return new ProblemFactory();
    }

    @Bean
    PlatformExceptionHandler platformExceptionHandler(ProblemFactory problems) {
        return new PlatformExceptionHandler(problems);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(PlatformProperties properties) {
        return new OpenAPI()
                .info(new Info().title("dangjian " + properties.serviceName() + " service").version("v1")
                        .description("Commands answer with the changed record's id and new sequence; pass that sequence to a query "
                                + "(minSequence) to read your own write. Errors are RFC 9457 problem+json with a stable code."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
