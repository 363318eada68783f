package org.dangjian.runtime.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code dangjian.*} settings every service shares. Only {@code dangjian.service.name} has no default.
 *
 * @param service     the service's name ({@code organisation}): its database, topic and CloudEvents source follow from it
 * @param eventing    the Kafka topic
 * @param publication how the relay publishes
 * @param readModels  read-your-writes
 * @param consumers   how read models and reactions handle failing events
 * @param commands    command deadlines
 * @param idempotency safe retries
 * @param mongo       database client timeouts
 * @param eventStore  snapshots
 * @param security    access-token validation
 * @param web         the limits a service keeps itself, whoever calls it
 * @param instance    who this instance is across restarts ({@link InstanceIdentity})
 */
@ConfigurationProperties("dangjian")
public record PlatformProperties(
        Service service,
        @DefaultValue Eventing eventing,
        @DefaultValue Publication publication,
        @DefaultValue ReadModels readModels,
        @DefaultValue Consumers consumers,
        @DefaultValue Commands commands,
        @DefaultValue Idempotency idempotency,
        @DefaultValue Mongo mongo,
        @DefaultValue EventStore eventStore,
        @DefaultValue Security security,
        @DefaultValue Web web,
        @DefaultValue Instance instance) {

    /** @param id this instance's identity, the same across its restarts; empty: host name and server port */
    public record Instance(@DefaultValue("") String id) {
    }

    public record Service(String name) {
    }

    /**
     * @param namespace         prefix of topics and consumer groups (tests isolate themselves with it)
     * @param partitions        partitions of a new topic
     * @param replicationFactor replicas of a new topic (1 for the embedded broker, 3 in production)
     */
    public record Eventing(@DefaultValue("") String namespace, @DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
    }

    /**
     * @param sweepInterval      how often the relay looks at the outbox without being woken
     * @param batchSize          events per publication batch
     * @param abandonAfter       how long an outbox entry whose event never appeared is kept (by the relay's own clock)
     * @param leaseTtl           how long the relay's lease lasts unless renewed (renewed at half)
     * @param deliveryTimeout    the producer's {@code delivery.timeout.ms}: a record not acknowledged by then fails
     * @param maxBlock           the producer's {@code max.block.ms}; with the delivery timeout under half the lease
     * @param startupScan        whether the relay looks for unpublished events in the store when it takes the lease
     * @param safetyScanInterval how often it looks again while it holds the lease
     */
    public record Publication(@DefaultValue("500ms") Duration sweepInterval, @DefaultValue("200") int batchSize,
                              @DefaultValue("10m") Duration abandonAfter, @DefaultValue("20s") Duration leaseTtl,
                              @DefaultValue("6s") Duration deliveryTimeout, @DefaultValue("2s") Duration maxBlock,
                              @DefaultValue("true") boolean startupScan, @DefaultValue("1h") Duration safetyScanInterval) {
    }

    /** @param maxWait the longest a query waits for its read model to reach a given sequence */
    public record ReadModels(@DefaultValue("5s") Duration maxWait) {
    }

    /**
     * @param applyAttempts     attempts at an event before its aggregate is parked
     * @param parkRetryInterval how often parked aggregates are tried again
     * @param rereadTimeout     the longest a consumer reads another service's partition again to fill a gap
     * @param checkpointInterval how often a read model or a witness writes its positions and commits its Kafka offsets
     *                           (and when it stops or loses partitions); a reaction does after every poll
     */
    public record Consumers(@DefaultValue("3") int applyAttempts, @DefaultValue("30s") Duration parkRetryInterval,
                            @DefaultValue("60s") Duration rereadTimeout, @DefaultValue("1s") Duration checkpointInterval) {
    }

    /** @param deadline how long a command may take to reach its commit; past it nothing is stored (503) */
    public record Commands(@DefaultValue("20s") Duration deadline) {
    }

    /**
     * @param waitForFirst how long a repeat waits for the first request with its key to finish
     * @param ownerSilence after this long without a heartbeat from the first request's instance, a repeat takes over
     * @param retainDays   how long answers are kept (MongoDB TTL index)
     */
    public record Idempotency(@DefaultValue("10s") Duration waitForFirst, @DefaultValue("5s") Duration ownerSilence,
                              @DefaultValue("7") long retainDays) {
    }

    /**
     * The MongoDB client's bounds, so that no request hangs on the database.
     *
     * @param connectTimeout         opening a connection
     * @param serverSelectionTimeout finding a server (a primary) to talk to
     * @param socketTimeout          waiting for an answer on an open connection
     * @param operationTimeout       one operation in all (the driver's {@code timeoutMS}, sent as {@code maxTimeMS})
     */
    public record Mongo(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("5s") Duration serverSelectionTimeout,
                        @DefaultValue("15s") Duration socketTimeout, @DefaultValue("10s") Duration operationTimeout) {
    }

    /** @param snapshotThreshold events between snapshots of an aggregate; 0 turns snapshots off */
    public record EventStore(@DefaultValue("100") int snapshotThreshold) {
    }

    /**
     * @param issuer            the expected {@code iss} of access tokens (checked when set)
     * @param jwkSetUri         the identity provider's JWKS
     * @param publicKeyLocation a PEM public key instead of a JWKS (tests)
     * @param audiences         a token's {@code aud} must name one of them: the platform's audience {@code dangjian},
     *                          which the identity provider puts in every token it issues (docs/identity.md)
     */
    public record Security(String issuer, String jwkSetUri, String publicKeyLocation, @DefaultValue("dangjian") List<String> audiences) {
        public Security {
            if (audiences == null || audiences.isEmpty() || audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new IllegalStateException("dangjian.security.audiences must name the platform's audience (dangjian): "
                        + "every service checks that a token was issued for the platform");
            }
        }
    }

    /**
     * @param maxBodySize    the largest request body a service reads (the gateway keeps the same limit)
     * @param trustedProxies a regular expression of the addresses whose {@code X-Forwarded-*} headers are applied (the
     *                       gateway's); everyone else's are removed
     */
    public record Web(@DefaultValue("1MB") org.springframework.util.unit.DataSize maxBodySize,
                      @DefaultValue("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1") String trustedProxies) {
    }

    public String serviceName() {
        if (service == null || service.name() == null || !service.name().matches("[a-z][a-z0-9-]*")) {
            throw new IllegalStateException("Set dangjian.service.name to the service's name in the registry (e.g. organisation)");
        }
        return service.name();
    }

    /** The topic a service publishes on, in this namespace. */
    public String topicOf(String service) {
        return eventing.namespace() + org.dangjian.contracts.EventTypes.topicOf(service);
    }

    /** This service's topic. */
    public String topic() {
        return topicOf(serviceName());
    }

    /** The topic a service publishes its restricted events on, in this namespace. */
    public String restrictedTopicOf(String service) {
        return eventing.namespace() + org.dangjian.contracts.EventTypes.restrictedTopicOf(service);
    }

    /** The topic events of this class are published on, in this namespace. */
    public String topicOf(Class<?> eventClass) {
        return eventing.namespace() + org.dangjian.contracts.EventTypes.topicOf(eventClass);
    }

    public String consumerGroup(String consumer) {
        return eventing.namespace() + serviceName() + "." + consumer;
    }
}
