package org.dangjian.activities.query;

import java.time.Instant;
import java.util.List;

/**
 * An activity in full: what was planned, how it was held (minutes, speaker) or why it was cancelled, each member's
 * attendance (the latest record; when corrected, the previous one and the reason), and the leading cadres who took part
 * in the branch's organisational life on its day (双重组织生活: listed for attendance besides the branch's members).
 */
public record ActivityView(String id, String branchId, String branchName, String kind, String topic, ActivityState state, String date,
                           String plannedDate, String heldOn, String place, String minutes, String speaker, String cancelReason,
                           Instant cancelledAt, int present, int onLeave, int absent, List<AttendanceLine> attendance,
                           List<DualLifeCadre> dualLifeCadres, long sequence) {

    /**
     * A member's attendance; {@code name} as the members service published it, when known; {@code dualLife} when he
     * attended as a leading cadre in dual organisational life (counted here and in his own record).
     */
    public record AttendanceLine(String memberId, String name, String attendance, String reason, boolean corrected,
                                 String previousAttendance, String correctionReason, boolean dualLife) {
    }

    /** A leading cadre in dual organisational life in the branch on the activity's day, with his own branch and post. */
    public record DualLifeCadre(String memberId, String name, String homeBranchId, String homeBranchName, String position) {
    }
}
