package org.dangjian.activities.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 安排活动: a branch of the caller's scope schedules an activity of a kind, with its topic, day and place. */
@AggregateCodes(notFound = "ACTIVITY_NOT_FOUND", alreadyExists = "ACTIVITY_ALREADY_EXISTS")
public record ScheduleActivityCommand(@TargetAggregateIdentifier String activityId, String branchId, ActivityKind kind, String topic,
                                      LocalDate plannedDate, String place, BranchScope scope) {
}
