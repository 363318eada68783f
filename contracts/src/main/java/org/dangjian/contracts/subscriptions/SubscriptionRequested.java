package org.dangjian.contracts.subscriptions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 订阅申请: another department asked to receive published events: which types, from which part of the organisation,
 * which personal data, how, and why. Nothing is delivered before the committee grants it.
 *
 * @param subscriptionId     the subscription's id (UUID)
 * @param department         the department's client id (its token's subject, e.g. {@code renshi-department})
 * @param departmentName     the department's name (its token's {@code name}, e.g. 人事部门), when it has one
 * @param eventTypes         the versioned event types asked for (e.g. {@code org.dangjian.members.MemberAdmittedAsProbationary.v1})
 * @param organisationUnitId the root of the organisation subtree asked for; absent: the whole organisation
 * @param personalData       the kinds of personal data asked for (none: every personal field left out)
 * @param channel            how the events are to be delivered
 * @param webhookUrl         where a webhook posts them (a {@code WEBHOOK} channel only)
 * @param purpose            what the department needs them for
 */
@EventType(name = "org.dangjian.subscriptions.SubscriptionRequested", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionRequested(
        String subscriptionId,
        String department,
        String departmentName,
        List<String> eventTypes,
        String organisationUnitId,
        List<PersonalData.Kind> personalData,
        DeliveryChannel channel,
        String webhookUrl,
        String purpose) {
}
