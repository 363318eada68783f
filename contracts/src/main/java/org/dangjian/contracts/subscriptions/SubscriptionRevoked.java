package org.dangjian.contracts.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 订阅撤销: a subscription ended, by the party committee or by the department itself; nothing more is delivered.
 *
 * @param subscriptionId the subscription
 * @param reason         why
 */
@EventType(name = "org.dangjian.subscriptions.SubscriptionRevoked", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionRevoked(
        String subscriptionId,
        String reason) {
}
