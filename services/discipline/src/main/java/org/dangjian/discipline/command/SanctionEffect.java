package org.dangjian.discipline.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.discipline.CaseDecided;
import org.dangjian.contracts.discipline.CaseSanctionEnded;
import org.dangjian.contracts.discipline.SanctionEnded;
import org.dangjian.contracts.discipline.SanctionTookEffect;

/**
 * The published effect of a case's sanction (处分生效, 处分期满或撤销): who, which sanction, from when, until when,
 * never the case. A stream of its own on the service's open topic (its id {@link CaseCommands#sanctionIdOf}), written
 * only together with the case's decision and end; the members service vetoes the member's cadre political assessment
 * from it (一票否决).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class SanctionEffect {

    @AggregateIdentifier
    private String sanctionId;

    protected SanctionEffect() {
        // for Axon
    }

    SanctionEffect(CaseDecided decision, String memberId) {
        apply(new SanctionTookEffect(decision.sanctionId(), memberId, decision.sanction(), decision.effectiveFrom(), decision.effectiveUntil()));
    }

    void end(CaseSanctionEnded end, String memberId) {
        apply(new SanctionEnded(sanctionId, memberId, end.endedOn()));
    }

    @EventSourcingHandler
    void on(SanctionTookEffect event) {
        sanctionId = event.sanctionId();
    }
}
