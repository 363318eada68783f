package org.dangjian.activities.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.activities.VolunteerServiceRecorded;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A record of volunteer service (志愿服务): a member's hours of a kind of service on a day, a stream of its own (the
 * published contract names the record's id as the subject).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class VolunteerService {

    private static final BigDecimal MAX_HOURS = new BigDecimal("24");
    private static final BigDecimal STEP = new BigDecimal("0.5");

    @AggregateIdentifier
    private String serviceId;

    protected VolunteerService() {
        // for Axon
    }

    VolunteerService(RecordVolunteerServiceCommand command, ActivityRules rules) {
        if (command.memberId() == null || command.kind() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "memberId, kind");
        }
        BigDecimal hours = command.hours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.remainder(STEP).signum() != 0) {
            throw RuleViolation.invalid("INVALID_HOURS", "Hours of service are more than 0 and at most 24, in steps of 0.5");
        }
        apply(new VolunteerServiceRecorded(command.serviceId(), command.kind(), command.memberId(), hours.stripTrailingZeros().scale() < 0
                ? hours.setScale(0) : hours.stripTrailingZeros(), rules.past(command.date())));
    }

    @EventSourcingHandler
    void on(VolunteerServiceRecorded event) {
        serviceId = event.serviceId();
    }
}
