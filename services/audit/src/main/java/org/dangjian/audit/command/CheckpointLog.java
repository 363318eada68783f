package org.dangjian.audit.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.audit.checkpoint.CheckpointKey;
import org.dangjian.audit.checkpoint.Statement;
import org.dangjian.contracts.audit.CheckpointSigned;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * The stream of all checkpoints (检查点): each signed over the root of the leaves the command names, numbered and
 * linked to the one before by the digest of its statement, so that none can be dropped or replaced unseen.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class CheckpointLog {

    @AggregateIdentifier
    private String logId;
    private long number;
    private String lastStatement;
    private Instant lastIssuedAt;

    protected CheckpointLog() {
        // for Axon
    }

    CheckpointLog(AuditCommands.SignCheckpoint command, CheckpointKey key) {
        sign(command, key);
    }

    void sign(AuditCommands.SignCheckpoint command, CheckpointKey key) {
        if (lastIssuedAt != null && command.issuedAt().isBefore(lastIssuedAt)) {
            throw RuleViolation.conflict("CHECKPOINT_OUT_OF_ORDER", "Checkpoint {0} was issued at {1}, after this one", number, lastIssuedAt);
        }
        long next = number + 1;
        String previous = lastStatement == null ? null : Statement.digest(lastStatement);
        String statement = Statement.text(next, command.issuedAt(), command.streams(), command.events(), command.root(), previous, key.keyId());
        apply(new CheckpointSigned(next, command.issuedAt(), command.streams(), command.events(), command.root(), previous, statement,
                key.sign(statement), key.keyId()));
    }

    @EventSourcingHandler
    void on(CheckpointSigned event) {
        logId = AuditCommands.CHECKPOINT_LOG_ID; // there is one such stream
        number = event.number();
        lastStatement = event.statement();
        lastIssuedAt = event.issuedAt();
    }
}
