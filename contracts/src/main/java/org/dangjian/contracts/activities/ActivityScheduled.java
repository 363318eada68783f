package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 安排活动: a branch scheduled an activity ("三会一课", a theme party day, ...) for a day (subject: the activity's id).
 *
 * @param activityId  the activity's id (UUID)
 * @param branchId    the branch (an organisation unit's id) that holds it
 * @param kind        which kind of activity
 * @param topic       its title or topic (主题)
 * @param plannedDate the day it is planned for
 * @param place       where it is planned to be held, when known
 */
@EventType(name = "org.dangjian.activities.ActivityScheduled", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityScheduled(
        String activityId,
        String branchId,
        ActivityKind kind,
        String topic,
        LocalDate plannedDate,
        String place) {
}
