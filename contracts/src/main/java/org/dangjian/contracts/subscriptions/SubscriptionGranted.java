package org.dangjian.contracts.subscriptions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 订阅授权: the party committee granted a subscription, wholly or in part: the event types and personal data it may
 * receive (each a subset of what was asked), and from where in the platform's delivery journal it starts.
 *
 * @param subscriptionId the subscription
 * @param eventTypes     the event types granted
 * @param personalData   the kinds of personal data granted
 * @param deliverHistory whether the events recorded before the grant are delivered too
 * @param fromPosition   the first journal position delivered (0 with the history, else the journal's next position at
 *                       the grant)
 * @param reason         the committee's reasons
 */
@EventType(name = "org.dangjian.subscriptions.SubscriptionGranted", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionGranted(
        String subscriptionId,
        List<String> eventTypes,
        List<PersonalData.Kind> personalData,
        boolean deliverHistory,
        long fromPosition,
        String reason) {
}
