package org.dangjian.activities.command;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/**
 * 更正出勤: members' recorded attendance corrected, for a reason; each correction a new event, the earlier record
 * kept.
 */
@AggregateCodes(notFound = "ACTIVITY_NOT_FOUND")
public record CorrectAttendanceCommand(@TargetAggregateIdentifier String activityId, List<AttendanceEntry> entries, String reason,
                                       BranchScope scope) {
}
