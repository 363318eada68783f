package org.dangjian.discipline.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.discipline.SelectionStage;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of cadre selection supervision (选人用人监督). */
public final class SelectionCommands {

    private SelectionCommands() {
    }

    /** 开始监督: the post, the unit, the day the procedure began, what is supervised. */
    @AggregateCodes(notFound = "SELECTION_SUPERVISION_NOT_FOUND", alreadyExists = "SELECTION_SUPERVISION_ALREADY_EXISTS")
    public record OpenSelectionSupervision(@TargetAggregateIdentifier String recordId, String position, String unitName, LocalDate date,
                                           String description) {
    }

    /** 环节检查: a stage checked, compliant or not, with a note. */
    @AggregateCodes(notFound = "SELECTION_SUPERVISION_NOT_FOUND")
    public record CheckSelectionStage(@TargetAggregateIdentifier String recordId, SelectionStage stage, LocalDate date, Boolean compliant,
                                      String note) {
    }

    /** 监督结论: compliant or not, with the opinion. */
    @AggregateCodes(notFound = "SELECTION_SUPERVISION_NOT_FOUND")
    public record ConcludeSelectionSupervision(@TargetAggregateIdentifier String recordId, LocalDate date, Boolean compliant, String opinion) {
    }
}
