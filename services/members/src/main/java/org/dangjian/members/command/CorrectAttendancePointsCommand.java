package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;

/**
 * 出勤更正的积分: an attendance the activities service corrected ({@code AttendanceCorrected}) changes the member's
 * points by the difference of the two fixed rules on {@code date} (absent → on leave: 0 − (−3) = +3), one ledger entry
 * naming the correction's event; the earlier entry stays. The same event twice changes nothing.
 */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record CorrectAttendancePointsCommand(@TargetAggregateIdentifier MemberId memberId, String previousRule, String rule, LocalDate date,
                                             String reason, String sourceEventId, String sourceType) {
}
