package org.dangjian.subscriptions.config;

import java.time.Duration;

import org.dangjian.contracts.subscriptions.SubscriptionsEvents;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.dangjian.subscriptions.command.Catalogue;
import org.dangjian.subscriptions.delivery.DeliverySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SubscriptionsConfiguration {

    /** The events this service stores and publishes (see contracts): the subscriptions and the decisions on them. */
    @Bean
    PublishedEventTypes subscriptionsEvents() {
        return new PublishedEventTypes(SubscriptionsEvents.ALL);
    }

    /** Every published event type of the platform, and which a department may be granted. */
    @Bean
    Catalogue catalogue() {
        return new Catalogue();
    }

    @Bean
    DeliverySettings deliverySettings(@Value("${dangjian.subscriptions.poll-interval:250ms}") Duration pollInterval,
                                      @Value("${dangjian.subscriptions.heartbeat:15s}") Duration heartbeat,
                                      @Value("${dangjian.subscriptions.gap-wait:5s}") Duration gapWait,
                                      @Value("${dangjian.subscriptions.max-attempts:5}") int maxAttempts,
                                      @Value("${dangjian.subscriptions.initial-backoff:1s}") Duration initialBackoff,
                                      @Value("${dangjian.subscriptions.max-backoff:5m}") Duration maxBackoff,
                                      @Value("${dangjian.subscriptions.webhook-timeout:10s}") Duration webhookTimeout,
                                      @Value("${dangjian.subscriptions.batch:200}") int batch,
                                      @Value("${dangjian.subscriptions.unit-wait:10s}") Duration unitWait) {
        return new DeliverySettings(pollInterval, heartbeat, gapWait, maxAttempts, initialBackoff, maxBackoff, webhookTimeout, batch, unitWait);
    }
}
