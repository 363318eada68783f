package org.dangjian.contracts.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 订阅拒绝: the party committee refused a subscription request; nothing is delivered.
 *
 * @param subscriptionId the subscription
 * @param reason         why
 */
@EventType(name = "org.dangjian.subscriptions.SubscriptionRefused", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionRefused(
        String subscriptionId,
        String reason) {
}
