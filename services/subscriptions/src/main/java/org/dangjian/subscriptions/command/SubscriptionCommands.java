package org.dangjian.subscriptions.command;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.PersonalData;
import org.dangjian.contracts.subscriptions.DeliveryChannel;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands on a subscription (订阅). */
public final class SubscriptionCommands {

    private SubscriptionCommands() {
    }

    /** A department asks for events; {@code grantable} is the catalogue of types a department may be granted. */
    @AggregateCodes(notFound = "SUBSCRIPTION_NOT_FOUND", alreadyExists = "SUBSCRIPTION_ALREADY_EXISTS")
    public record RequestSubscription(@TargetAggregateIdentifier String subscriptionId, String department, String departmentName,
                                      List<String> eventTypes, String organisationUnitId, List<PersonalData.Kind> personalData,
                                      DeliveryChannel channel, String webhookUrl, String purpose) {
    }

    /** Committee staff grant it, wholly or in part, starting at {@code fromPosition} of the delivery journal. */
    @AggregateCodes(notFound = "SUBSCRIPTION_NOT_FOUND", alreadyExists = "SUBSCRIPTION_ALREADY_EXISTS")
    public record GrantSubscription(@TargetAggregateIdentifier String subscriptionId, List<String> eventTypes,
                                    List<PersonalData.Kind> personalData, boolean deliverHistory, long fromPosition, String reason) {
    }

    @AggregateCodes(notFound = "SUBSCRIPTION_NOT_FOUND", alreadyExists = "SUBSCRIPTION_ALREADY_EXISTS")
    public record RefuseSubscription(@TargetAggregateIdentifier String subscriptionId, String reason) {
    }

    @AggregateCodes(notFound = "SUBSCRIPTION_NOT_FOUND", alreadyExists = "SUBSCRIPTION_ALREADY_EXISTS")
    public record ChangeGrant(@TargetAggregateIdentifier String subscriptionId, List<String> eventTypes, List<PersonalData.Kind> personalData,
                              String reason) {
    }

    /** Revoked by committee staff, or withdrawn by the department itself ({@code department} its client id, else null). */
    @AggregateCodes(notFound = "SUBSCRIPTION_NOT_FOUND", alreadyExists = "SUBSCRIPTION_ALREADY_EXISTS")
    public record RevokeSubscription(@TargetAggregateIdentifier String subscriptionId, String department, String reason) {
    }
}
