package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 积分记录: points of the "五星十佳" ledger (积分制管理) were awarded to a member, or deducted (negative points), by a
 * rule of a versioned rule set. Each entry names its reason, and its source: the foreign event that caused it (an
 * attendance, volunteer hours) by its CloudEvents id, or none for an award a person recorded. The same source event
 * is recorded once.
 *
 * @param memberId      the member record's id (UUID)
 * @param year          the ledger year the points count for (the date's year in the centre's time zone)
 * @param points        the points, negative for a deduction, never 0
 * @param rule          the rule that sets them, e.g. {@code ATTENDANCE_PRESENT}, {@code VOLUNTEER_HOUR}, {@code MERIT}
 * @param rulesVersion  the rule set's version the points were set by, e.g. {@code 2022.1}
 * @param date          the day of what earned them
 * @param reason        why, in words
 * @param sourceEventId the CloudEvents id of the event that caused the entry, when one did
 * @param sourceType    that event's type, e.g. {@code org.dangjian.activities.AttendanceRecorded.v1}
 */
@EventType(name = "org.dangjian.members.MemberPointsRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberPointsRecorded(
        String memberId,
        int year,
        int points,
        String rule,
        String rulesVersion,
        LocalDate date,
        String reason,
        String sourceEventId,
        String sourceType) {
}
