package org.dangjian.audit.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.audit.ReplayFinished;
import org.dangjian.contracts.audit.ReplayStarted;
import org.dangjian.runtime.domain.RuleViolation;

/** A replay of the record (重放): started, then finished once with its comparison. */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Replay {

    /** At most this many differences are listed in the event (all are counted). */
    static final int LISTED = 200;

    @AggregateIdentifier
    private String replayId;
    private boolean finished;

    protected Replay() {
        // for Axon
    }

    Replay(AuditCommands.StartReplay command) {
        apply(new ReplayStarted(command.replayId(), command.service(), command.aggregateId(), command.eventsTotal()));
    }

    void finish(AuditCommands.FinishReplay command) {
        if (finished) {
            throw RuleViolation.conflict("REPLAY_ALREADY_FINISHED", "Replay {0} has finished already", replayId);
        }
        List<String> listed = command.differences().size() > LISTED ? command.differences().subList(0, LISTED) : command.differences();
        apply(new ReplayFinished(replayId, command.eventsReplayed(), command.millis(), command.rawMillis(), command.streamsCompared(), command.differenceCount() == 0,
                command.differenceCount(), List.copyOf(listed)));
    }

    @EventSourcingHandler
    void on(ReplayStarted event) {
        replayId = event.replayId();
    }

    @EventSourcingHandler
    void on(ReplayFinished event) {
        finished = true;
    }
}
