package org.dangjian.contracts.activities;

/** A member's attendance at an activity (出勤). */
public enum Attendance {
    /** 出席. */
    PRESENT,
    /** 请假: absent with leave (a reason given). */
    ON_LEAVE,
    /** 缺席: absent without leave. */
    ABSENT
}
