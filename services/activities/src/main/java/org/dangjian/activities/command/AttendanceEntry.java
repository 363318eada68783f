package org.dangjian.activities.command;

import org.dangjian.contracts.activities.Attendance;

/**
 * One member's attendance (出勤) in a command: present, on leave (请假, with its reason) or absent.
 *
 * @param memberId   the member (the members service's record id)
 * @param attendance present, on leave or absent
 * @param reason     the reason of a leave; only a leave has one
 */
public record AttendanceEntry(String memberId, Attendance attendance, String reason) {
}
