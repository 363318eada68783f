package org.dangjian.discipline.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.discipline.FindingSeverity;
import org.dangjian.contracts.discipline.InspectionMode;
import org.dangjian.contracts.discipline.InspectionTarget;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of an inspection (明察暗访), in the order of its steps. */
public final class InspectionCommands {

    private InspectionCommands() {
    }

    /** 计划: a window or section, open or unannounced, the day planned, the inspectors, what it looks at. */
    @AggregateCodes(notFound = "INSPECTION_NOT_FOUND", alreadyExists = "INSPECTION_ALREADY_EXISTS")
    public record PlanInspection(@TargetAggregateIdentifier String inspectionId, InspectionTarget target, String targetName, String branchId,
                                 InspectionMode mode, LocalDate plannedDate, List<String> inspectors, String focus) {
    }

    /** 实施: carried out on a day, how it went. */
    @AggregateCodes(notFound = "INSPECTION_NOT_FOUND")
    public record CarryOutInspection(@TargetAggregateIdentifier String inspectionId, LocalDate date, String summary) {
    }

    /** 发现问题: a finding, with its severity and evidence references. */
    @AggregateCodes(notFound = "INSPECTION_NOT_FOUND")
    public record RecordFinding(@TargetAggregateIdentifier String inspectionId, String description, FindingSeverity severity,
                                List<String> evidence) {
    }

    /** 责令整改: what is to be rectified, by when, by whom. */
    @AggregateCodes(notFound = "INSPECTION_NOT_FOUND")
    public record RequireRectification(@TargetAggregateIdentifier String inspectionId, String requirement, LocalDate deadline,
                                       String responsible) {
    }

    /** 整改报告: what was done, with evidence. */
    @AggregateCodes(notFound = "INSPECTION_NOT_FOUND")
    public record ReportRectification(@TargetAggregateIdentifier String inspectionId, LocalDate date, String report, List<String> evidence) {
    }

    /** 整改验收: accepted, or sent back to be done again, with the opinion. */
    @AggregateCodes(notFound = "INSPECTION_NOT_FOUND")
    public record VerifyRectification(@TargetAggregateIdentifier String inspectionId, LocalDate date, boolean accepted, String opinion) {
    }

    /** 办结: closed with its conclusion. */
    @AggregateCodes(notFound = "INSPECTION_NOT_FOUND")
    public record CloseInspection(@TargetAggregateIdentifier String inspectionId, LocalDate date, String conclusion) {
    }
}
