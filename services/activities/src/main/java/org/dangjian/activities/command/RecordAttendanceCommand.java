package org.dangjian.activities.command;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 登记出勤: the attendance of a held activity, for a list of members not recorded before (one event each). */
@AggregateCodes(notFound = "ACTIVITY_NOT_FOUND")
public record RecordAttendanceCommand(@TargetAggregateIdentifier String activityId, List<AttendanceEntry> entries, BranchScope scope) {
}
