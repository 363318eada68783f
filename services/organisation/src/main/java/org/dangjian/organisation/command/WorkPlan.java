package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.PlanItem;
import org.dangjian.contracts.organisation.PlanSection;
import org.dangjian.contracts.organisation.WorkPlanImported;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A unit's annual work plan (年度工作要点) for a year, imported once from its text: sections and items numbered as
 * written, each item keyed by its position in the plan. Importing the same text again is answered without an event
 * (by the API, which compares fingerprints); a different text for the same year is refused.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class WorkPlan {

    private static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-f]{64}$");

    @AggregateIdentifier
    private String planId;
    private Set<Integer> items = new HashSet<>();

    protected WorkPlan() {
        // for Axon
    }

    WorkPlan(PlanCommands.ImportPlan command, BusinessCalendar calendar) {
        UnitFacts unit = command.unit().requireElective();
        LocalDate today = calendar.today();
        if (command.year() < 1921 || command.year() > today.getYear() + 1) {
            throw RuleViolation.invalid("INVALID_YEAR", "A plan is of a year from 1921 to next year ({0})", String.valueOf(today.getYear() + 1));
        }
        List<PlanSection> sections = command.sections();
        if (sections == null || sections.isEmpty() || command.fingerprint() == null || !FINGERPRINT.matcher(command.fingerprint()).matches()) {
            throw RuleViolation.invalid("PLAN_NO_SECTIONS", "A plan has sections with items");
        }
        int count = sections.stream().mapToInt(s -> s.items().size()).sum();
        apply(new WorkPlanImported(command.planId(), unit.unitId(), command.year(), command.title(), command.dateLine(),
                command.preamble() == null ? List.of() : command.preamble(), sections, count, command.fingerprint()));
    }

    /** The item at that position, which a task is broken out of ({@code ITEM_NOT_FOUND}). */
    void requireItem(Integer position) {
        if (position == null || !items.contains(position)) {
            throw RuleViolation.notFound("ITEM_NOT_FOUND", "Plan {0} has no item at position {1}", planId, String.valueOf(position));
        }
    }

    @EventSourcingHandler
    void on(WorkPlanImported event) {
        planId = event.planId();
        for (PlanSection section : event.sections()) {
            section.items().stream().map(PlanItem::position).forEach(items::add);
        }
    }
}
