package org.dangjian.runtime.testing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.runtime.testing.DrillEvents.DebriefRecorded;

/** A drill's debrief, a stream of its own whose events are restricted (published on the drills service's restricted topic). */
@Aggregate
public class Debrief {

    public record RecordDebrief(@TargetAggregateIdentifier String debriefId, String drillId, String findings) {
    }

    @AggregateIdentifier
    private String debriefId;

    protected Debrief() {
    }

    @CommandHandler
    public Debrief(RecordDebrief command) {
        apply(new DebriefRecorded(command.debriefId(), command.drillId(), command.findings()));
    }

    @EventSourcingHandler
    void on(DebriefRecorded event) {
        debriefId = event.debriefId();
    }
}
