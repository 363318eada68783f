package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.ResponsibilityEntryAdded;
import org.dangjian.contracts.organisation.ResponsibilityListDrawn;
import org.dangjian.contracts.organisation.ResponsibilityListKind;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.Inputs;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A list of the responsibility system (党建工作责任制) of a unit, or of a person in it, for a year: a responsibility list
 * (责任清单) holds duties numbered 1.. (at most 100); a task list's (任务清单) entries are tasks ({@link WorkTask} naming
 * the list).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class ResponsibilityList {

    static final int MAX_ENTRIES = 100;

    @AggregateIdentifier
    private String listId;
    private ResponsibilityListKind kind;
    private int entries;

    protected ResponsibilityList() {
        // for Axon
    }

    ResponsibilityList(PlanCommands.DrawList command, BusinessCalendar calendar) {
        if (command.kind() == null) {
            throw Inputs.invalid("kind");
        }
        UnitFacts unit = command.unit().requireActive();
        int thisYear = calendar.today().getYear();
        if (command.year() < 1921 || command.year() > thisYear + 1) {
            throw RuleViolation.invalid("INVALID_YEAR", "A list is of a year from 1921 to next year ({0})", String.valueOf(thisYear + 1));
        }
        apply(new ResponsibilityListDrawn(command.listId(), command.kind(), unit.unitId(), command.year(),
                Inputs.optional("holder", command.holder(), 100), Inputs.text("title", command.title(), 200)));
    }

    void add(PlanCommands.AddEntry command) {
        if (kind != ResponsibilityListKind.RESPONSIBILITY) {
            throw RuleViolation.conflict("NOT_A_RESPONSIBILITY_LIST", "{0} is a task list: its entries are tasks (POST /tasks with its listId)", listId);
        }
        if (entries >= MAX_ENTRIES) {
            throw RuleViolation.conflict("LIST_FULL", "A list holds at most {0} duties", MAX_ENTRIES);
        }
        apply(new ResponsibilityEntryAdded(listId, entries + 1, Inputs.text("text", command.text(), 2000),
                Inputs.optional("basis", command.basis(), 500)));
    }

    /** This list, refused unless it is a task list ({@code NOT_A_TASK_LIST}). */
    void requireTaskList() {
        if (kind != ResponsibilityListKind.TASK) {
            throw RuleViolation.conflict("NOT_A_TASK_LIST", "{0} is a responsibility list: a task goes on a task list", listId);
        }
    }

    @EventSourcingHandler
    void on(ResponsibilityListDrawn event) {
        listId = event.listId();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(ResponsibilityEntryAdded event) {
        entries = event.no();
    }
}
