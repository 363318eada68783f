package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 出勤更正: a member's recorded attendance at a held activity was corrected, with the reason of the correction; the
 * earlier {@link AttendanceRecorded} (or correction) stays on record, this one replaces it from now on. One event per
 * member, on the activity's stream (subject: the activity's id). A reader that turned the earlier attendance into
 * something (points) reverses that and applies {@code attendance} instead.
 *
 * @param activityId         the activity's id (UUID)
 * @param kind               which kind of activity
 * @param branchId           the branch that held it
 * @param memberId           the member (the members service's record id)
 * @param previousAttendance the attendance recorded until now
 * @param attendance         the attendance from now on
 * @param date               the day the activity was held
 * @param reason             the reason of a leave, when the attendance is now a leave
 * @param correctionReason   why it was corrected
 */
@EventType(name = "org.dangjian.activities.AttendanceCorrected", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendanceCorrected(
        String activityId,
        ActivityKind kind,
        String branchId,
        String memberId,
        Attendance previousAttendance,
        Attendance attendance,
        LocalDate date,
        String reason,
        String correctionReason) {
}
