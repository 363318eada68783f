package org.dangjian.contracts.subscriptions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 授权变更: the party committee changed what a granted subscription receives (each a subset of what was asked); it
 * applies to what is delivered from then on.
 *
 * @param subscriptionId the subscription
 * @param eventTypes     the event types granted now
 * @param personalData   the kinds of personal data granted now
 * @param reason         why
 */
@EventType(name = "org.dangjian.subscriptions.SubscriptionGrantChanged", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionGrantChanged(
        String subscriptionId,
        List<String> eventTypes,
        List<PersonalData.Kind> personalData,
        String reason) {
}
