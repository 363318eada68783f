package org.dangjian.discipline.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.discipline.RecordRead;

/**
 * The access log of one discipline record (查阅记录): an event per read of its detail, timeline or verification, its
 * actor the reader (his id, role and unit, from his token) and its time the moment of the read, hash-chained like every
 * stream, so a read cannot be taken back unseen. Its id: {@link AccessCommands#logIdOf}.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class AccessLog {

    @AggregateIdentifier
    private String logId;

    protected AccessLog() {
        // for Axon
    }

    AccessLog(AccessCommands.RecordReadCommand command) {
        read(command);
    }

    void read(AccessCommands.RecordReadCommand command) {
        apply(new RecordRead(command.logId(), command.recordId(), command.recordKind(), command.view()));
    }

    @EventSourcingHandler
    void on(RecordRead event) {
        logId = event.logId();
    }
}
