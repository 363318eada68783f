package org.dangjian.activities.query;

import java.time.Instant;
import java.util.List;

/**
 * An activity in full: what was planned, how it was held (minutes, speaker) or why it was cancelled, and each member's
 * attendance (the latest record; when corrected, the previous one and the reason).
 */
public record ActivityView(String id, String branchId, String branchName, String kind, String topic, ActivityState state, String date,
                           String plannedDate, String heldOn, String place, String minutes, String speaker, String cancelReason,
                           Instant cancelledAt, int present, int onLeave, int absent, List<AttendanceLine> attendance, long sequence) {

    /** A member's attendance; {@code name} as the members service published it, when known. */
    public record AttendanceLine(String memberId, String name, String attendance, String reason, boolean corrected,
                                 String previousAttendance, String correctionReason) {
    }
}
