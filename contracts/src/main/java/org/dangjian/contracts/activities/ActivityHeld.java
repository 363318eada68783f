package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 召开: a scheduled activity was held, with its minutes (会议记录); attendance is recorded after it, member by member
 * ({@link AttendanceRecorded}). Subject: the activity's id.
 *
 * @param activityId the activity's id (UUID)
 * @param branchId   the branch that held it
 * @param kind       which kind of activity
 * @param date       the day it was held
 * @param place      where it was held
 * @param topic      its topic as held
 * @param minutes    the minutes (会议记录)
 * @param speaker    who spoke or chaired (主讲人 of a party lesson, 主持人 of a meeting), when given
 */
@EventType(name = "org.dangjian.activities.ActivityHeld", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityHeld(
        String activityId,
        String branchId,
        ActivityKind kind,
        LocalDate date,
        String place,
        String topic,
        String minutes,
        String speaker) {
}
