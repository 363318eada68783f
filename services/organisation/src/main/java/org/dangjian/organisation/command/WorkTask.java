package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.WorkTaskAssigned;
import org.dangjian.contracts.organisation.WorkTaskProgressReported;
import org.dangjian.contracts.organisation.WorkTaskReviewed;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.Inputs;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A task (任务) broken out of a work plan's item or put on a task list: owned by a unit (and a person in it), due by a
 * day, its progress reported (never less than before, unless it was sent back), accepted or sent back once done (100
 * percent). A branch secretary reports only on his own branch's tasks.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class WorkTask {

    /** Where a task stands. */
    enum State { ASSIGNED, IN_PROGRESS, DONE, RETURNED, ACCEPTED }

    @AggregateIdentifier
    private String taskId;
    private String ownerUnitId;
    private State state;
    private int percent;
    private LocalDate lastStep;

    protected WorkTask() {
        // for Axon
    }

    WorkTask(PlanCommands.AssignTask command, BusinessCalendar calendar) {
        UnitFacts owner = command.owner().requireActive();
        LocalDate assignedOn = calendar.past("assignedOn", command.assignedOn());
        LocalDate deadline = Inputs.day("deadline", command.deadline());
        if (deadline.isBefore(assignedOn)) {
            throw RuleViolation.conflict("DEADLINE_BEFORE_ASSIGNMENT", "The deadline {0} lies before the day the task is assigned ({1})",
                    deadline.toString(), assignedOn.toString());
        }
        apply(new WorkTaskAssigned(command.taskId(), command.planId(), command.itemPosition(), command.listId(),
                Inputs.text("title", command.title(), 200), Inputs.optional("description", command.description(), 4000), owner.unitId(),
                owner.name(), Inputs.optional("ownerPerson", command.ownerPerson(), 100), assignedOn, deadline));
    }

    void report(PlanCommands.ReportProgress command, BusinessCalendar calendar) {
        if (command.actingBranchId() != null && !command.actingBranchId().equals(ownerUnitId)) {
            throw RuleViolation.forbidden("NOT_YOUR_BRANCH", "Task {0} is owned by another unit: a secretary reports on his own branch's tasks",
                    taskId);
        }
        if (state == State.ACCEPTED) {
            throw RuleViolation.conflict("TASK_ALREADY_ACCEPTED", "Task {0} was accepted already", taskId);
        }
        if (command.percent() < 0 || command.percent() > 100) {
            throw RuleViolation.invalid("INVALID_PERCENT", "Progress is 0 to 100 percent, not {0}", command.percent());
        }
        if (command.percent() < percent && state != State.RETURNED) {
            throw RuleViolation.conflict("PROGRESS_BACKWARDS", "Task {0} was reported at {1} % already", taskId, percent);
        }
        apply(new WorkTaskProgressReported(taskId, calendar.step(command.date(), lastStep), command.percent(),
                Inputs.text("report", command.report(), 4000), Inputs.list("evidence", command.evidence(), 0, 200)));
    }

    void review(PlanCommands.ReviewTask command, BusinessCalendar calendar) {
        if (state == State.ACCEPTED) {
            throw RuleViolation.conflict("TASK_ALREADY_ACCEPTED", "Task {0} was accepted already", taskId);
        }
        if (state != State.DONE) {
            throw RuleViolation.conflict("TASK_NOT_DONE", "Task {0} is not reported done (100 %): there is nothing to accept yet", taskId);
        }
        apply(new WorkTaskReviewed(taskId, calendar.step(command.date(), lastStep), command.accepted(),
                Inputs.text("opinion", command.opinion(), 2000)));
    }

    @EventSourcingHandler
    void on(WorkTaskAssigned event) {
        taskId = event.taskId();
        ownerUnitId = event.ownerUnitId();
        state = State.ASSIGNED;
        lastStep = event.assignedOn();
    }

    @EventSourcingHandler
    void on(WorkTaskProgressReported event) {
        percent = event.percent();
        state = event.percent() == 100 ? State.DONE : State.IN_PROGRESS;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(WorkTaskReviewed event) {
        state = event.accepted() ? State.ACCEPTED : State.RETURNED;
        lastStep = event.date();
    }
}
