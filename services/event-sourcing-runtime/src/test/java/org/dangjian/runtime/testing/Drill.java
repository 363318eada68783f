package org.dangjian.runtime.testing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.DrillScheduled;

/** The stand-in aggregate of the runtime's tests: a drill, scheduled and then held once, or cancelled. */
@Aggregate
public class Drill {

    @AggregateCodes(notFound = "DRILL_NOT_FOUND", alreadyExists = "DRILL_ALREADY_EXISTS")
    public record ScheduleDrill(@TargetAggregateIdentifier String drillId, String title, String memberId) {
    }

    /** Holds the drill; {@code takesMillis} makes the handler slow, as a command stuck on something would be. */
    @AggregateCodes(notFound = "DRILL_NOT_FOUND")
    public record HoldDrill(@TargetAggregateIdentifier String drillId, long takesMillis) {
    }

    @AggregateCodes(notFound = "DRILL_NOT_FOUND")
    public record CancelDrill(@TargetAggregateIdentifier String drillId) {
    }

    @AggregateIdentifier
    private String drillId;
    private String memberId;
    private boolean held;

    protected Drill() {
    }

    @CommandHandler
    public Drill(ScheduleDrill command) {
        apply(new DrillScheduled(command.drillId(), command.title(), command.memberId()));
    }

    @CommandHandler
    public void handle(HoldDrill command) throws InterruptedException {
        if (held) {
            throw RuleViolation.conflict("DRILL_ALREADY_HELD", "Drill {0} was held already", drillId);
        }
        Thread.sleep(command.takesMillis());
        apply(new DrillHeld(drillId, memberId));
    }

    @CommandHandler
    public void handle(CancelDrill command) {
        apply(new DrillEvents.DrillCancelled(drillId));
    }

    @EventSourcingHandler
    void on(DrillScheduled event) {
        drillId = event.drillId();
        memberId = event.memberId();
    }

    @EventSourcingHandler
    void on(DrillHeld event) {
        held = true;
    }
}
