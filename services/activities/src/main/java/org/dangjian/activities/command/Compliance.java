package org.dangjian.activities.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.activities.ComplianceConcluded;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.web.AggregateIds;

/**
 * The compliance of a branch with one kind of "三会一课" in one ended period (三会一课落实情况), a record of its own:
 * concluded once, by the rules in effect on the period's first day, with the activities held in it. Its id is derived
 * from branch, kind and period ({@link ComplianceRules#recordId}), so two instances concluding the same period meet on
 * one stream and only the first records. Nothing changes it afterwards: an activity recorded as held later does not
 * (a correction would be a new event).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Compliance {

    @AggregateIdentifier
    private String complianceId;

    protected Compliance() {
        // for Axon
    }

    Compliance(ConcludeComplianceCommand command, ComplianceRules rules, ActivityRules calendar) {
        if (command.branchId() == null || command.kind() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "branchId, kind");
        }
        CompliancePeriod period = CompliancePeriod.parse(command.period());
        String expected = ComplianceRules.recordId(command.branchId(), command.kind(), period);
        if (!expected.equals(command.complianceId())) {
            throw RuleViolation.invalid("COMPLIANCE_ID_MISMATCH", "{0} is not the id of the compliance of branch {1}, {2}, {3} (that is {4})",
                    String.valueOf(command.complianceId()), command.branchId(), command.kind().name(), period.label(), expected);
        }
        ComplianceRules.Version version = rules.of(period).orElseThrow(() -> RuleViolation.conflict("NO_COMPLIANCE_RULES",
                "No rules of \"三会一课\" are in effect on {0}: the first version takes effect on {1}", period.start().toString(),
                rules.firstEffective().toString()));
        ComplianceRules.Requirement requirement = version.requirements().get(command.kind());
        if (requirement == null || requirement.frequency() != period.frequency()) {
            throw RuleViolation.conflict("KIND_NOT_REQUIRED", "Version {0} of the rules does not require {1} per period like {2}",
                    version.version(), command.kind().name(), period.label());
        }
        if (!period.endedBy(calendar.today())) {
            throw RuleViolation.conflict("PERIOD_NOT_ENDED", "Period {0} ends after {1}: its compliance is concluded once it has ended",
                    period.label(), period.lastDay().toString());
        }
        TreeSet<String> held = new TreeSet<>();
        for (String id : command.heldActivityIds() == null ? List.<String>of() : command.heldActivityIds()) {
            held.add(AggregateIds.canonical("heldActivityIds", id));
        }
        apply(new ComplianceConcluded(command.complianceId(), command.branchId(), command.kind(), period.label(), version.version(),
                requirement.minimum(), held.size(), held.size() >= requirement.minimum(), new ArrayList<>(held)));
    }

    @EventSourcingHandler
    void on(ComplianceConcluded event) {
        complianceId = event.complianceId();
    }
}
