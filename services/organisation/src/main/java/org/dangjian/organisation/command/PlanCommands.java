package org.dangjian.organisation.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.organisation.PlanSection;
import org.dangjian.contracts.organisation.ResponsibilityListKind;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of the annual work plan (年度工作要点), its tasks (任务) and the responsibility and task lists (责任清单, 任务清单). */
public final class PlanCommands {

    private PlanCommands() {
    }

    /** A plan's id: the name-based UUID (version 3) of {@code plan|<unitId>|<year>} in UTF-8. */
    public static String planIdOf(String unitId, int year) {
        return UUID.nameUUIDFromBytes(("plan|" + unitId + "|" + year).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 导入工作要点: a plan as its text was read. */
    @AggregateCodes(notFound = "PLAN_NOT_FOUND", alreadyExists = "PLAN_ALREADY_IMPORTED")
    public record ImportPlan(@TargetAggregateIdentifier String planId, UnitFacts unit, int year, String title, String dateLine,
                             List<String> preamble, List<PlanSection> sections, String fingerprint) {
    }

    /** 分解任务 / 任务清单: a task from a plan's item ({@code planId}, {@code itemPosition}) or on a task list ({@code listId}). */
    @AggregateCodes(notFound = "TASK_NOT_FOUND", alreadyExists = "TASK_ALREADY_EXISTS")
    public record AssignTask(@TargetAggregateIdentifier String taskId, String planId, Integer itemPosition, String listId, String title,
                             String description, UnitFacts owner, String ownerPerson, LocalDate assignedOn, LocalDate deadline) {
    }

    /** 进度报告; {@code actingBranchId} the secretary's branch when a secretary reports (null for committee staff). */
    @AggregateCodes(notFound = "TASK_NOT_FOUND")
    public record ReportProgress(@TargetAggregateIdentifier String taskId, LocalDate date, int percent, String report, List<String> evidence,
                                 String actingBranchId) {
    }

    /** 验收: a done task accepted or sent back. */
    @AggregateCodes(notFound = "TASK_NOT_FOUND")
    public record ReviewTask(@TargetAggregateIdentifier String taskId, LocalDate date, boolean accepted, String opinion) {
    }

    /** 制定清单. */
    @AggregateCodes(notFound = "LIST_NOT_FOUND", alreadyExists = "LIST_ALREADY_EXISTS")
    public record DrawList(@TargetAggregateIdentifier String listId, ResponsibilityListKind kind, UnitFacts unit, int year, String holder,
                           String title) {
    }

    /** 添加责任. */
    @AggregateCodes(notFound = "LIST_NOT_FOUND")
    public record AddEntry(@TargetAggregateIdentifier String listId, String text, String basis) {
    }
}
