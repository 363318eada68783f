package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 取消: a scheduled activity was cancelled before it was held, with the reason (subject: the activity's id).
 *
 * @param activityId  the activity's id (UUID)
 * @param branchId    the branch that had scheduled it
 * @param kind        which kind of activity
 * @param plannedDate the day it had been planned for
 * @param reason      why it was cancelled
 */
@EventType(name = "org.dangjian.activities.ActivityCancelled", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityCancelled(
        String activityId,
        String branchId,
        ActivityKind kind,
        LocalDate plannedDate,
        String reason) {
}
