package org.dangjian.activities.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.activities.DualLifeAssigned;
import org.dangjian.contracts.activities.DualLifeEnded;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * 双重组织生活: a leading cadre's part in the organisational life of a branch besides his own (his contact branch),
 * one record per member and branch: assigned from a day on, ended after a day, assigned again later if the committee
 * decides so. While it applies, the branch lists him for attendance and what he attends there counts in both
 * organisations.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class DualLifeAssignment {

    static final int MAX_TEXT = 500;
    static final int MAX_POSITION = 100;

    @AggregateIdentifier
    private String assignmentId;
    private String memberId;
    private String branchId;
    private boolean active;
    private LocalDate since;
    private LocalDate until;

    protected DualLifeAssignment() {
        // for Axon
    }

    DualLifeAssignment(AssignDualLifeCommand command, ActivityRules rules) {
        apply(assigned(command, rules));
    }

    /** Assigned again after it ended: from a day after the last one it applied. */
    void assignAgain(AssignDualLifeCommand command, ActivityRules rules) {
        if (active) {
            throw RuleViolation.conflict("DUAL_LIFE_ALREADY_ACTIVE", "Dual organisational life {0} applies already (member {1} in branch {2} "
                    + "since {3}); end it before assigning it again", assignmentId, memberId, branchId, since.toString());
        }
        DualLifeAssigned assigned = assigned(command, rules);
        if (!assigned.since().isAfter(until)) {
            throw RuleViolation.conflict("DUAL_LIFE_OVERLAPS", "It ended on {0}: it applies again from a later day, not from {1}",
                    until.toString(), assigned.since().toString());
        }
        apply(assigned);
    }

    void end(EndDualLifeCommand command, ActivityRules rules) {
        if (!active) {
            throw RuleViolation.conflict("DUAL_LIFE_NOT_ACTIVE", "Dual organisational life {0} ended on {1} already", assignmentId,
                    until.toString());
        }
        LocalDate last = rules.past(command.until());
        if (last.isBefore(since)) {
            throw RuleViolation.conflict("DUAL_LIFE_ENDS_BEFORE_START", "It applies from {0}: it cannot end before that day ({1})",
                    since.toString(), last.toString());
        }
        apply(new DualLifeEnded(assignmentId, memberId, branchId, since, last, text("reason", command.reason())));
    }

    private static DualLifeAssigned assigned(AssignDualLifeCommand command, ActivityRules rules) {
        if (command.memberId() == null || command.branchId() == null || command.since() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "memberId, branchId, since");
        }
        if (command.branchId().equals(command.homeBranchId())) {
            throw RuleViolation.conflict("DUAL_LIFE_OWN_BRANCH", "Branch {0} is the member''s own branch: dual organisational life is in "
                    + "a branch besides his own", command.branchId());
        }
        String position = command.position() == null || command.position().isBlank() ? null : command.position().strip();
        if (position != null && position.length() > MAX_POSITION) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "position");
        }
        return new DualLifeAssigned(command.assignmentId(), command.memberId(), command.branchId(), position, command.since(),
                text("basis", command.basis()));
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > MAX_TEXT) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", field);
        }
        return value.strip();
    }

    @EventSourcingHandler
    void on(DualLifeAssigned event) {
        assignmentId = event.assignmentId();
        memberId = event.memberId();
        branchId = event.branchId();
        since = event.since();
        until = null;
        active = true;
    }

    @EventSourcingHandler
    void on(DualLifeEnded event) {
        until = event.until();
        active = false;
    }
}
