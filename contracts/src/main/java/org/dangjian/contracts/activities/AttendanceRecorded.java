package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 出勤登记: a member's attendance at a held activity was recorded, one event per member. The activity's stream holds
 * it (subject: the activity's id).
 *
 * @param activityId the activity's id (UUID)
 * @param kind       which kind of activity
 * @param branchId   the branch (an organisation unit's id) that held it
 * @param memberId   the member (the members service's record id)
 * @param attendance present, on leave or absent
 * @param date       the day the activity was held
 * @param reason     the reason of a leave, when given
 */
@EventType(name = "org.dangjian.activities.AttendanceRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendanceRecorded(
        String activityId,
        ActivityKind kind,
        String branchId,
        String memberId,
        Attendance attendance,
        LocalDate date,
        String reason) {
}
