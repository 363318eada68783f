package org.dangjian.members.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dangjian.members.command.MemberStage;
import org.dangjian.members.command.MemberStep;

/**
 * The development board (发展党员工作台, {@code GET /pipeline}): how many members stand at each stage and who is due
 * next, when.
 *
 * @param branch   the branch asked for, or null for every member in the caller's scope
 * @param total    members counted
 * @param stages   every stage with its count (0 when none), in the order of the way
 * @param due      members with a next step, the earliest due first (then name), at most the limit asked for
 * @param dueTotal how many members have a next step
 */
public record PipelineView(String branch, long total, Map<MemberStage, Long> stages, List<Due> due, long dueTotal) {

    /** A member due for a next step; {@code ready}: its day has come. */
    public record Due(String id, String name, String branchId, MemberStage stage, MemberStep nextStep, LocalDate nextStepDueOn, boolean ready) {
    }
}
