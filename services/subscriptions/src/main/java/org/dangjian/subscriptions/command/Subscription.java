package org.dangjian.subscriptions.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.PersonalData;
import org.dangjian.contracts.subscriptions.DeliveryChannel;
import org.dangjian.contracts.subscriptions.SubscriptionGrantChanged;
import org.dangjian.contracts.subscriptions.SubscriptionGranted;
import org.dangjian.contracts.subscriptions.SubscriptionRefused;
import org.dangjian.contracts.subscriptions.SubscriptionRequested;
import org.dangjian.contracts.subscriptions.SubscriptionRevoked;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A department's subscription (订阅): requested by the department, then granted (wholly or in part), refused, its grant
 * changed, or revoked (by the committee, or withdrawn by the department). A grant never goes beyond the request: the
 * types and personal data granted are subsets of those asked for, so what a department receives is always what it
 * asked for and the committee allowed.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Subscription {

    /** Where a subscription stands. */
    enum State { REQUESTED, GRANTED, REFUSED, REVOKED }

    static final int MAX_TYPES = 200;
    static final int MAX_TEXT = 500;

    @AggregateIdentifier
    private String subscriptionId;
    private String department;
    private State state;
    private Set<String> requestedTypes;
    private Set<PersonalData.Kind> requestedPersonalData;

    protected Subscription() {
        // for Axon
    }

    Subscription(SubscriptionCommands.RequestSubscription command, Catalogue catalogue) {
        if (command.department() == null || command.department().isBlank()) {
            throw RuleViolation.forbidden("NOT_A_DEPARTMENT", "Only a department's client asks for a subscription");
        }
        List<String> types = types(command.eventTypes(), catalogue);
        List<PersonalData.Kind> personal = distinct(command.personalData());
        if (command.channel() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "channel is required (SSE or WEBHOOK)");
        }
        String url = command.webhookUrl();
        if (command.channel() == DeliveryChannel.WEBHOOK) {
            url = webhookUrl(url);
        } else if (url != null) {
            throw RuleViolation.invalid("WEBHOOK_URL_NOT_USED", "Only a webhook subscription has a webhook URL: leave webhookUrl out");
        }
        apply(new SubscriptionRequested(command.subscriptionId(), command.department(), blankToNull(command.departmentName()), types,
                command.organisationUnitId(), personal, command.channel(), url, text("purpose", command.purpose())));
    }

    void grant(SubscriptionCommands.GrantSubscription command) {
        if (state != State.REQUESTED) {
            throw RuleViolation.conflict("SUBSCRIPTION_NOT_REQUESTED", "Subscription {0} is {1}: only a pending request is granted", subscriptionId,
                    state.name());
        }
        apply(new SubscriptionGranted(subscriptionId, within(command.eventTypes()), withinPersonal(command.personalData()), command.deliverHistory(),
                command.deliverHistory() ? 0 : Math.max(0, command.fromPosition()), text("reason", command.reason())));
    }

    void refuse(SubscriptionCommands.RefuseSubscription command) {
        if (state != State.REQUESTED) {
            throw RuleViolation.conflict("SUBSCRIPTION_NOT_REQUESTED", "Subscription {0} is {1}: only a pending request is refused", subscriptionId,
                    state.name());
        }
        apply(new SubscriptionRefused(subscriptionId, text("reason", command.reason())));
    }

    void change(SubscriptionCommands.ChangeGrant command) {
        if (state != State.GRANTED) {
            throw RuleViolation.conflict("SUBSCRIPTION_NOT_GRANTED", "Subscription {0} is {1}: only a granted subscription's grant changes",
                    subscriptionId, state.name());
        }
        apply(new SubscriptionGrantChanged(subscriptionId, within(command.eventTypes()), withinPersonal(command.personalData()),
                text("reason", command.reason())));
    }

    void revoke(SubscriptionCommands.RevokeSubscription command) {
        if (command.department() != null && !command.department().equals(department)) {
            throw RuleViolation.notFound("SUBSCRIPTION_NOT_FOUND", "There is no subscription {0}", subscriptionId);
        }
        if (state != State.REQUESTED && state != State.GRANTED) {
            throw RuleViolation.conflict("SUBSCRIPTION_ENDED", "Subscription {0} is {1} already", subscriptionId, state.name());
        }
        apply(new SubscriptionRevoked(subscriptionId, text("reason", command.reason())));
    }

    private List<String> within(List<String> granted) {
        List<String> types = distinct(granted);
        if (types.isEmpty()) {
            throw RuleViolation.invalid("NO_EVENT_TYPES", "Grant at least one event type (refuse the request instead)");
        }
        for (String type : types) {
            if (!requestedTypes.contains(type)) {
                throw RuleViolation.conflict("NOT_REQUESTED", "{0} was not asked for: a grant never goes beyond the request", type);
            }
        }
        return types;
    }

    private List<PersonalData.Kind> withinPersonal(List<PersonalData.Kind> granted) {
        List<PersonalData.Kind> kinds = distinct(granted);
        for (PersonalData.Kind kind : kinds) {
            if (!requestedPersonalData.contains(kind)) {
                throw RuleViolation.conflict("NOT_REQUESTED", "{0} was not asked for: a grant never goes beyond the request", kind.name());
            }
        }
        return kinds;
    }

    private static List<String> types(List<String> asked, Catalogue catalogue) {
        List<String> types = distinct(asked);
        if (types.isEmpty()) {
            throw RuleViolation.invalid("NO_EVENT_TYPES", "Ask for at least one event type (GET /catalogue lists them)");
        }
        if (types.size() > MAX_TYPES) {
            throw RuleViolation.invalid("TOO_MANY_EVENT_TYPES", "At most {0} event types", String.valueOf(MAX_TYPES));
        }
        for (String type : types) {
            Catalogue.Entry entry = catalogue.entry(type)
                    .orElseThrow(() -> RuleViolation.invalid("UNKNOWN_EVENT_TYPE", "{0} is not a published event type (GET /catalogue lists them)", type));
            if (!entry.grantable()) {
                throw RuleViolation.forbidden("RESTRICTED_EVENT_TYPE", "{0} is a discipline case''s content: it is never delivered to a department", type);
            }
        }
        return types;
    }

    private static String webhookUrl(String given) {
        if (given == null || given.isBlank()) {
            throw RuleViolation.invalid("WEBHOOK_URL_REQUIRED", "A webhook subscription needs webhookUrl, an http or https URL");
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (Exception e) {
            throw RuleViolation.invalid("INVALID_WEBHOOK_URL", "webhookUrl is not a URL: {0}", given);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null
                || given.length() > MAX_TEXT) {
            throw RuleViolation.invalid("INVALID_WEBHOOK_URL", "webhookUrl must be an absolute http or https URL without user or fragment: {0}", given);
        }
        return given;
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("INVALID_REQUEST", "{0} is required", field);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> List<T> distinct(List<T> values) {
        if (values == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>(new LinkedHashSet<>(values));
        result.removeIf(java.util.Objects::isNull);
        return List.copyOf(result);
    }

    @EventSourcingHandler
    void on(SubscriptionRequested event) {
        subscriptionId = event.subscriptionId();
        department = event.department();
        state = State.REQUESTED;
        requestedTypes = Set.copyOf(event.eventTypes());
        requestedPersonalData = event.personalData() == null ? Set.of() : Set.copyOf(event.personalData());
    }

    @EventSourcingHandler
    void on(SubscriptionGranted event) {
        state = State.GRANTED;
    }

    @EventSourcingHandler
    void on(SubscriptionRefused event) {
        state = State.REFUSED;
    }

    @EventSourcingHandler
    void on(SubscriptionRevoked event) {
        state = State.REVOKED;
    }
}
