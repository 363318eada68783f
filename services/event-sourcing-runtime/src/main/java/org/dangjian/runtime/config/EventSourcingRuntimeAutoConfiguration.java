package org.dangjian.runtime.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandDispatchers;
import org.dangjian.runtime.consumer.ConsumerPositions;
import org.dangjian.runtime.consumer.ConsumerProgress;
import org.dangjian.runtime.consumer.ConsumerRunner;
import org.dangjian.runtime.consumer.ConsumerRunners;
import org.dangjian.runtime.consumer.EventConsumer;
import org.dangjian.runtime.consumer.ParkedAggregates;
import org.dangjian.runtime.consumer.ReadModelsEndpoint;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.eventstore.Commits;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.EventTypeRegistry;
import org.dangjian.runtime.eventstore.KeyedMongoEventStorageEngine;
import org.dangjian.runtime.eventstore.SnapshotSerializer;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.metadata.EventMetadata;
import org.dangjian.runtime.metadata.PlatformCorrelationDataProvider;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.publication.PublicationRelay;
import org.dangjian.runtime.publication.RelayLease;
import org.dangjian.runtime.reaction.DispatchingReactor;
import org.dangjian.runtime.reaction.Reaction;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.Witness;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.web.MalformedRequestTargets;
import org.dangjian.runtime.web.PlatformErrorController;
import org.dangjian.runtime.web.StreamsController;
import org.dangjian.runtime.web.ProblemErrorReportValve;
import org.dangjian.runtime.web.ProblemWriter;
import org.dangjian.runtime.web.RequestLimits;
import org.dangjian.runtime.security.AccessRules;
import org.dangjian.runtime.web.StrictJson;
import org.dangjian.runtime.web.StrictParameters;
import org.dangjian.runtime.web.TrustedForwardedHeaders;
import org.dangjian.runtime.web.Utf8RequestBodies;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.dangjian.runtime.security.CurrentActor;
import org.dangjian.runtime.security.ServiceSecurityConfiguration;
import org.dangjian.runtime.web.CorrelationIdFilter;
import org.dangjian.runtime.web.PlatformExceptionHandler;
import org.dangjian.runtime.web.ProblemFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires an event-sourced service: the keyed MongoDB event store under Axon (one commit per command), the outbox and
 * publication relay to the service's Kafka topic, a consumer for every {@link ReadModel} and {@link Reaction} bean on
 * the topics it subscribes to, the command dispatcher with deadlines and safe retries, event metadata, database
 * timeouts, problem+json errors, correlation ids and resource-server security.
 *
 * <p>A service supplies {@code dangjian.service.name}, a {@link PublishedEventTypes} bean, its aggregates, read models,
 * reactions and controllers. Runs before Axon's auto-configuration so that Axon builds its event store on this engine.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class})
@EnableConfigurationProperties(PlatformProperties.class)
@Import(ServiceSecurityConfiguration.class)
public class EventSourcingRuntimeAutoConfiguration {

    private static final Duration CONSUMER_SESSION_TIMEOUT = Duration.ofSeconds(10);

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
    Commits commits(MongoDatabase serviceDatabase, Clock clock) {
        return new Commits(serviceDatabase, clock);
    }

    @Bean
    EventStoreReader eventStoreReader(MongoDatabase serviceDatabase, Commits commits) {
        return new EventStoreReader(serviceDatabase, commits);
    }

    @Bean
    ChainVerifier chainVerifier(EventStoreReader reader) {
        return new ChainVerifier(reader);
    }

    @Bean
    CloudEventCodec cloudEventCodec(PlatformProperties properties) {
        return new CloudEventCodec(properties.serviceName());
    }

    /** Bounds on every database call, so that no request or consumer hangs on MongoDB. */
    @Bean
    MongoClientSettingsBuilderCustomizer platformMongoTimeouts(PlatformProperties properties) {
        PlatformProperties.Mongo mongo = properties.mongo();
        return settings -> settings
                .applyToSocketSettings(socket -> socket.connectTimeout(mongo.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(mongo.socketTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(mongo.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .timeout(mongo.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Bean(destroyMethod = "close")
    CommandDispatchers commandDispatchers(MongoDatabase serviceDatabase, PlatformProperties properties) {
        PlatformProperties.Idempotency idempotency = properties.idempotency();
        if (properties.commands().deadline().compareTo(properties.mongo().operationTimeout()) <= 0) {
            throw new IllegalStateException("dangjian.commands.deadline must be longer than one database operation's timeout");
        }
        return new CommandDispatchers(serviceDatabase, new CommandDispatcher.Settings(idempotency.waitForFirst(), idempotency.ownerSilence(),
                properties.commands().deadline(), properties.mongo().operationTimeout(), idempotency.retainDays()));
    }

    /** A command that names no actor is refused before any handler runs (the store would refuse its events anyway). */
    @Bean
    SmartInitializingSingleton commandsNeedAnActor(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
            EventMetadata.requireActor(unitOfWork.getMessage().getMetaData(), "Command " + unitOfWork.getMessage().getCommandName());
            return chain.proceed();
        });
    }

    @Bean
    CommandDispatcher commandDispatcher(CommandDispatchers dispatchers, CommandGateway gateway, EventStoreReader reader,
                                        CurrentActor currentActor, Clock clock) {
        return dispatchers.dispatcher(gateway, reader, currentActor, clock);
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase serviceDatabase, EventStoreReader reader, Commits commits, EventTypeRegistry registry,
                                          EventPayloadCodec codec, Outbox outbox, PublicationRelay relay, CommandDispatchers dispatchers,
                                          MeterRegistry meters, Clock clock) {
        Counter stored = Counter.builder("dangjian.events.stored").description("Events appended to the event store").register(meters);
        return new KeyedMongoEventStorageEngine(serviceDatabase, reader, commits, registry, codec, SnapshotSerializer.create(), outbox,
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

    /** How soon a consumer sees a topic that was created after it subscribed. */
    static final Duration FOREIGN_TOPIC_DISCOVERY = Duration.ofSeconds(15);

    @Bean
    NewTopic serviceTopic(PlatformProperties properties) {
        return eventTopic(properties.topic(), properties);
    }

    /**
     * The topics this service publishes on, by event type: its topic, and its restricted topic for the types declared
     * {@code restricted} (created only when it has some).
     */
    @Bean
    ServiceTopics serviceTopics(PublishedEventTypes types, PlatformProperties properties, NewTopic serviceTopic) {
        Map<String, String> byType = new HashMap<>();
        List<NewTopic> topics = new ArrayList<>(List.of(serviceTopic));
        String service = properties.serviceName();
        for (Class<?> type : types.types()) {
            String name = org.dangjian.contracts.EventTypes.of(type);
            if (!org.dangjian.contracts.EventTypes.serviceOf(name).equals(service)) {
                continue; // another service's type this one reads
            }
            String topic = properties.topicOf(type);
            byType.put(name, topic);
            if (!topic.equals(properties.topic()) && topics.stream().noneMatch(t -> t.name().equals(topic))) {
                topics.add(eventTopic(topic, properties));
            }
        }
        return new ServiceTopics(properties.topic(), byType, topics);
    }

    /** A service's topic as every service creates it: events are kept forever, so any read model can be rebuilt from offset 0. */
    private static NewTopic eventTopic(String name, PlatformProperties properties) {
        PlatformProperties.Eventing eventing = properties.eventing();
        return new NewTopic(name, eventing.partitions(), eventing.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaProperties kafka, PlatformProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // a send never outlives the relay's lease: delivery timeout + max block < half the lease (checked by the relay)
        PlatformProperties.Publication publication = properties.publication();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) publication.maxBlock().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) publication.deliveryTimeout().toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) publication.deliveryTimeout().toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-relay");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    InstanceIdentity instanceIdentity(PlatformProperties properties, org.springframework.core.env.Environment environment) {
        return InstanceIdentity.of(properties.instance().id(), hostName(), environment.getProperty("server.port", "8080"));
    }

    /** Owned by this instance's identity: after a restart it takes its lease back at once instead of waiting for it to run out. */
    @Bean
    RelayLease relayLease(MongoDatabase serviceDatabase, PlatformProperties properties, InstanceIdentity instance, Clock clock) {
        String owner = properties.serviceName() + "@" + instance.id();
        return new RelayLease(serviceDatabase, "publication-relay", owner, properties.publication().leaseTtl(), clock);
    }

    @Bean
    PublicationRelay publicationRelay(MongoDatabase serviceDatabase, Outbox outbox, EventStoreReader reader, Commits commits,
                                      Producer<String, byte[]> eventProducer,
                                      KafkaAdmin kafkaAdmin, ServiceTopics serviceTopics, CloudEventCodec cloudEvents, RelayLease relayLease,
                                      PlatformProperties properties, Clock clock, MeterRegistry meters) {
        PlatformProperties.Publication publication = properties.publication();
        Gauge.builder("dangjian.events.unpublished", outbox, Outbox::size)
                .description("Stored events waiting for publication to Kafka").baseUnit("events").register(meters);
        NewTopic[] topics = serviceTopics.topics().toArray(NewTopic[]::new);
        return new PublicationRelay(serviceDatabase, outbox, reader, commits, eventProducer, () -> kafkaAdmin.createOrModifyTopics(topics),
                cloudEvents, serviceTopics::topicOf, relayLease,
                new PublicationRelay.Settings(publication.sweepInterval(), publication.batchSize(), publication.abandonAfter(),
                        publication.startupScan(), publication.safetyScanInterval(), publication.deliveryTimeout().plus(publication.maxBlock())),
                clock, meters);
    }

    @Bean
    ConsumerPositions consumerPositions(MongoDatabase serviceDatabase) {
        return new ConsumerPositions(serviceDatabase);
    }

    @Bean
    ParkedAggregates parkedAggregates(MongoDatabase serviceDatabase) {
        return new ParkedAggregates(serviceDatabase);
    }

    @Bean
    ConsumerProgress consumerProgress(ConsumerPositions positions, ParkedAggregates parked) {
        return new ConsumerProgress(positions, parked);
    }

    @Bean
    ReadYourWrites readYourWrites(ConsumerProgress progress, EventStoreReader store, PlatformProperties properties) {
        return new ReadYourWrites(progress, store, properties.serviceName(), properties.readModels().maxWait());
    }

    /** Every read model and reaction as a consumer of the topics its subscription names. */
    @Bean
    ConsumerRunners consumerRunners(ObjectProvider<ReadModel> models, ObjectProvider<Witness> witnesses, ObjectProvider<Reaction> reactions,
                                    ObjectProvider<CommandDispatcher> dispatcher,
                                    KafkaProperties kafka, PlatformProperties properties, CloudEventCodec cloudEvents, EventPayloadCodec payloads,
                                    ConsumerPositions positions, ParkedAggregates parked, ConsumerProgress progress, EventStoreReader reader,
                                    Outbox outbox, MongoDatabase serviceDatabase, InstanceIdentity instance, Clock clock,
                                    MeterRegistry meters, KafkaAdmin kafkaAdmin) {
        List<EventConsumer> consumers = new ArrayList<>();
        for (ReadModel model : models.orderedStream().toList()) {
            consumers.add(new EventConsumer(model.name(), EventConsumer.Kind.READ_MODEL, model.subscription(), model::apply, model.collections(),
                    model::reset, model::applyAll));
        }
        for (Witness witness : witnesses.orderedStream().toList()) {
            consumers.add(EventConsumer.witness(witness.name(), witness.subscription(), witness::witnessAll, witness.collections(),
                    witness.rebuildable() ? witness::reset : null));
        }
        Actor service = Actor.service(properties.serviceName());
        for (Reaction reaction : reactions.orderedStream().toList()) {
            Counter refusals = Counter.builder("dangjian.reaction.refusals").description("Commands of a reaction that a business rule refused")
                    .tag("model", reaction.name()).register(meters);
            consumers.add(new EventConsumer(reaction.name(), EventConsumer.Kind.REACTION, reaction.subscription(),
                    event -> reaction.react(event, new DispatchingReactor(dispatcher.getObject(), service, reaction.name(), event, refusals)),
                    List.of(), null));
        }
        PlatformProperties.Consumers settings = properties.consumers();
        List<ConsumerRunner> runners = new ArrayList<>();
        for (EventConsumer consumer : consumers) {
            Map<String, String> serviceByTopic = new LinkedHashMap<>();
            serviceByTopic.putAll(consumer.subscription().serviceByTopic(properties::topicOf));
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-" + consumer.name());
            Map<String, Object> plain = new HashMap<>(config);
            plain.remove(ConsumerConfig.GROUP_ID_CONFIG);
            plain.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-" + consumer.name() + "-reread");
            config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup(consumer.name()));
            if (instance.stable()) {
                // static membership: a restarted instance takes its partitions back at once, with no rebalance
                config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance.groupInstanceId(properties.serviceName(), consumer.name()));
            }
            // a process that died without a restart gives its partitions up after this (the broker's minimum is 6 s)
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) CONSUMER_SESSION_TIMEOUT.toMillis());
            // a subscribed topic created after the consumer joined (another service's, not yet started) is seen within this
            config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) FOREIGN_TOPIC_DISCOVERY.toMillis());
            runners.add(new ConsumerRunner(consumer, properties.serviceName(), serviceByTopic, kafkaConsumers(config), kafkaConsumers(plain),
                    cloudEvents, payloads, positions, parked, progress, reader, outbox, serviceDatabase, clock,
                    new ConsumerRunner.Settings(settings.applyAttempts(), settings.parkRetryInterval(), settings.rereadTimeout(),
                            settings.checkpointInterval()), meters));
        }
        // the topics of other services a consumer reads are created as their owner would create them, whichever starts first
        NewTopic[] subscribed = runners.stream().flatMap(r -> r.topics().stream()).distinct()
                .filter(t -> !t.equals(properties.topic()) && !t.equals(properties.restrictedTopicOf(properties.serviceName())))
                .map(t -> eventTopic(t, properties)).toArray(NewTopic[]::new);
        return new ConsumerRunners(runners, () -> kafkaAdmin.createOrModifyTopics(subscribed));
    }

    private static Supplier<Consumer<String, byte[]>> kafkaConsumers(Map<String, Object> config) {
        return () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Bean
    EventSourcingHealthIndicator eventStoreHealthIndicator(MongoDatabase serviceDatabase, Outbox outbox, PublicationRelay relay,
                                                           ConsumerRunners runners) {
        return new EventSourcingHealthIndicator(serviceDatabase, outbox, relay, runners);
    }

    @Bean
    ReadModelsEndpoint readModelsEndpoint(ConsumerRunners runners) {
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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** First of all: what follows sees forwarded headers only when the gateway sent them. */
    @Bean
    FilterRegistrationBean<TrustedForwardedHeaders> trustedForwardedHeaders(PlatformProperties properties) {
        FilterRegistrationBean<TrustedForwardedHeaders> registration = new FilterRegistrationBean<>(
                new TrustedForwardedHeaders(properties.web().trustedProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
                jakarta.servlet.DispatcherType.ERROR);
        return registration;
    }

    @Bean
    ProblemWriter problemWriter(ProblemFactory problems) {
        return new ProblemWriter(problems);
    }

    /** The body limit comes right after the correlation id, before security reads anything. */
    @Bean
    FilterRegistrationBean<RequestLimits> requestLimitsFilter(PlatformProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(
                new RequestLimits(properties.web().maxBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** {@code GET /streams/{aggregateId}}: what the store holds of any stream, for the audit service's comparison. */
    @Bean
    StreamsController streamsController(PlatformProperties properties, EventStoreReader reader, ChainVerifier verifier) {
        return new StreamsController(properties.serviceName(), reader, verifier);
    }

    @Bean
    PlatformErrorController platformErrorController(ProblemWriter problems) {
        return new PlatformErrorController(problems);
    }

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problems) {
        return PlatformExceptionHandler.rejectedRequests(problems);
    }

    /** Tomcat's own error answers (before Spring sees a request) as problem+json too. */
    @Bean
    TomcatContextCustomizer problemErrorReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    /** Request targets Tomcat would refuse with an empty 400, answered as problem+json. */
    @Bean
    org.springframework.boot.tomcat.TomcatConnectorCustomizer malformedRequestTargets() {
        return MalformedRequestTargets::install;
    }

    @Bean
    AccessRules accessRules() {
        return new AccessRules();
    }

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    Utf8RequestBodies utf8RequestBodies() {
        return new Utf8RequestBodies();
    }

    @Bean
    StrictParameters strictParameters() {
        return new StrictParameters();
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
