package org.dangjian.runtime.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code dangjian.*} settings every service shares. Only {@code dangjian.service.name} has no default.
 *
 * @param service     the service's name ({@code organisation}): its database, topic and CloudEvents source follow from it
 * @param eventing    the Kafka topic
 * @param publication how the relay publishes
 * @param readModels  read-your-writes
 * @param idempotency safe retries
 * @param eventStore  snapshots
 * @param security    access-token validation
 */
@ConfigurationProperties("dangjian")
public record PlatformProperties(
        Service service,
        @DefaultValue Eventing eventing,
        @DefaultValue Publication publication,
        @DefaultValue ReadModels readModels,
        @DefaultValue Idempotency idempotency,
        @DefaultValue EventStore eventStore,
        @DefaultValue Security security) {

    public record Service(String name) {
    }

    /**
     * @param namespace         prefix of the topic and consumer groups (tests isolate themselves with it)
     * @param topic             the topic; default {@code dangjian.<service>.events}
     * @param partitions        partitions of a new topic
     * @param replicationFactor replicas of a new topic (1 for the embedded broker, 3 in production)
     */
    public record Eventing(@DefaultValue("") String namespace, String topic, @DefaultValue("3") int partitions,
                           @DefaultValue("1") short replicationFactor) {
    }

    /**
     * @param sweepInterval how often the relay looks at the outbox without being woken
     * @param batchSize     events per publication pass
     * @param abandonAfter  age after which an outbox entry whose event never appeared is dropped
     * @param leaseTtl      how long the relay's lease lasts unless renewed
     * @param startupScan   whether the relay looks for unpublished events in the store when it takes the lease
     * @param safetyScanInterval how often it looks again while it holds the lease
     */
    public record Publication(@DefaultValue("500ms") Duration sweepInterval, @DefaultValue("200") int batchSize,
                              @DefaultValue("10m") Duration abandonAfter, @DefaultValue("15s") Duration leaseTtl,
                              @DefaultValue("true") boolean startupScan, @DefaultValue("1h") Duration safetyScanInterval) {
    }

    /** @param maxWait the longest a query waits for its read model to reach a given sequence */
    public record ReadModels(@DefaultValue("5s") Duration maxWait) {
    }

    /**
     * @param waitForFirst how long a repeat waits for the first request with its key to finish
     * @param lease        after this, a request still "in progress" is presumed dead and may be taken over: longer than
     *                     any command may take (its database calls time out well within it)
     * @param retainDays   how long answers are kept (MongoDB TTL index)
     */
    public record Idempotency(@DefaultValue("10s") Duration waitForFirst, @DefaultValue("2m") Duration lease,
                              @DefaultValue("7") long retainDays) {
    }

    /** @param snapshotThreshold events between snapshots of an aggregate; 0 turns snapshots off */
    public record EventStore(@DefaultValue("100") int snapshotThreshold) {
    }

    /**
     * @param issuer            the expected {@code iss} of access tokens (checked when set)
     * @param jwkSetUri         the identity provider's JWKS
     * @param publicKeyLocation a PEM public key instead of a JWKS (tests)
     * @param audiences         when set, a token's {@code aud} must name one of them (the platform's clients at a
     *                          shared OIDC provider)
     */
    public record Security(String issuer, String jwkSetUri, String publicKeyLocation, java.util.List<String> audiences) {
    }

    public String serviceName() {
        if (service == null || service.name() == null || service.name().isBlank()) {
            throw new IllegalStateException("Set dangjian.service.name (e.g. organisation)");
        }
        return service.name();
    }

    public String topic() {
        String base = eventing.topic() == null || eventing.topic().isBlank() ? "dangjian." + serviceName() + ".events" : eventing.topic();
        return eventing.namespace() + base;
    }

    public String source() {
        return "/dangjian/" + serviceName();
    }

    public String consumerGroup(String readModel) {
        return eventing.namespace() + serviceName() + "." + readModel;
    }
}
