package org.dangjian.audit.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.audit.VerificationCompleted;

/** A verification an auditor had run (核验), with what it found: recorded once, never changed. */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Verification {

    @AggregateIdentifier
    private String verificationId;

    protected Verification() {
        // for Axon
    }

    Verification(AuditCommands.RecordVerification command) {
        apply(new VerificationCompleted(command.verificationId(), command.service(), command.aggregateId(), command.startedAt(),
                command.streamsChecked(), command.eventsChecked(), command.storesCompared(), command.storesUnreachable(),
                command.checkpointNumber(), java.util.List.copyOf(command.findings())));
    }

    @EventSourcingHandler
    void on(VerificationCompleted event) {
        verificationId = event.verificationId();
    }
}
