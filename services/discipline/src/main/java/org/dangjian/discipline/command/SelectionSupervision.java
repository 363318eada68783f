package org.dangjian.discipline.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.discipline.SelectionStage;
import org.dangjian.contracts.discipline.SelectionStageChecked;
import org.dangjian.contracts.discipline.SelectionSupervisionConcluded;
import org.dangjian.contracts.discipline.SelectionSupervisionOpened;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * Supervision of a cadre selection (选人用人监督): opened for a post, each stage (动议, 民主推荐, 考察, 讨论决定, 任前公示)
 * checked, a stage checked again records a new check (the latest counts), concluded once; a selection with a stage
 * found not compliant cannot be concluded compliant. Restricted: case content.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class SelectionSupervision {

    @AggregateIdentifier
    private String recordId;
    private boolean concluded;
    private LocalDate lastStep;
    private final Set<SelectionStage> nonCompliant = EnumSet.noneOf(SelectionStage.class);

    protected SelectionSupervision() {
        // for Axon
    }

    SelectionSupervision(SelectionCommands.OpenSelectionSupervision command, DisciplineRules rules) {
        apply(new SelectionSupervisionOpened(command.recordId(), DisciplineRules.text("position", command.position(), 200),
                DisciplineRules.text("unitName", command.unitName(), 200), rules.past("date", command.date()),
                DisciplineRules.optional("description", command.description(), 2000)));
    }

    void check(SelectionCommands.CheckSelectionStage command, DisciplineRules rules) {
        requireOpen();
        if (command.stage() == null || command.compliant() == null) {
            throw DisciplineRules.invalid("stage, compliant");
        }
        apply(new SelectionStageChecked(recordId, command.stage(), rules.step(command.date(), lastStep), command.compliant(),
                DisciplineRules.optional("note", command.note(), 2000)));
    }

    void conclude(SelectionCommands.ConcludeSelectionSupervision command, DisciplineRules rules) {
        requireOpen();
        if (command.compliant() == null) {
            throw DisciplineRules.invalid("compliant");
        }
        if (command.compliant() && !nonCompliant.isEmpty()) {
            throw RuleViolation.conflict("STAGE_NOT_COMPLIANT", "Stage {0} was found not compliant: the selection is not concluded compliant",
                    nonCompliant.iterator().next().name());
        }
        apply(new SelectionSupervisionConcluded(recordId, rules.step(command.date(), lastStep), command.compliant(),
                DisciplineRules.text("opinion", command.opinion(), 2000)));
    }

    private void requireOpen() {
        if (concluded) {
            throw RuleViolation.conflict("SELECTION_SUPERVISION_CONCLUDED", "Selection supervision {0} is concluded", recordId);
        }
    }


    @EventSourcingHandler
    void on(SelectionSupervisionOpened event) {
        recordId = event.recordId();
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(SelectionStageChecked event) {
        lastStep = event.date();
        if (event.compliant()) {
            nonCompliant.remove(event.stage());
        } else {
            nonCompliant.add(event.stage());
        }
    }

    @EventSourcingHandler
    void on(SelectionSupervisionConcluded event) {
        concluded = true;
        lastStep = event.date();
    }
}
