package org.dangjian.runtime.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dangjian.runtime.consumer.ConsumerRunner;
import org.dangjian.runtime.consumer.ConsumerRunners;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.publication.PublicationRelay;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The event store's health, in place of Boot's MongoDB indicator (which uses commands {@code mongo-java-server} does
 * not serve): the service's database answers a {@code ping}; details for operators: events waiting for publication,
 * whether this instance runs the relay, and each read model's and reaction's lag and parked aggregates. Parked
 * aggregates do not make the service DOWN (every other aggregate is served), they show as {@code parked} with
 * {@code /actuator/readmodels/<name>} to see them.
 */
class EventSourcingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final Outbox outbox;
    private final PublicationRelay relay;
    private final ConsumerRunners runners;

    EventSourcingHealthIndicator(MongoDatabase database, Outbox outbox, PublicationRelay relay, ConsumerRunners runners) {
        super("The event store did not answer");
        this.database = database;
        this.outbox = outbox;
        this.relay = relay;
        this.runners = runners;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        Map<String, Long> lag = new LinkedHashMap<>();
        Map<String, Long> parked = new LinkedHashMap<>();
        for (ConsumerRunner runner : runners.all()) {
            lag.put(runner.name(), runner.lag());
            if (runner.parkedCount() > 0) {
                parked.put(runner.name(), runner.parkedCount());
            }
        }
        builder.up()
                .withDetail("database", database.getName())
                .withDetail("unpublishedEvents", outbox.size())
                .withDetail("publicationRelayHere", relay.isLeader())
                .withDetail("readModelLag", lag)
                .withDetail("parkedAggregates", parked);
    }
}
