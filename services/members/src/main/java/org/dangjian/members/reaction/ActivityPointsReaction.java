package org.dangjian.members.reaction;

import org.dangjian.contracts.activities.Attendance;
import org.dangjian.contracts.activities.AttendanceCorrected;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.contracts.activities.VolunteerServiceRecorded;
import org.dangjian.members.command.CorrectAttendancePointsCommand;
import org.dangjian.members.command.MemberId;
import org.dangjian.members.command.PointsRules;
import org.dangjian.members.command.RecordPointsCommand;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.reaction.Reaction;
import org.dangjian.runtime.reaction.Reactor;
import org.dangjian.runtime.security.BranchScope;
import org.springframework.stereotype.Component;

/**
 * Attendance and volunteer hours, as the activities service publishes them, become "五星十佳" points: present
 * {@code ATTENDANCE_PRESENT}, on leave {@code ATTENDANCE_ON_LEAVE} (0 points by the default rules: nothing recorded),
 * absent without leave {@code ABSENT_WITHOUT_LEAVE}, volunteer service {@code VOLUNTEER_HOUR} per hour. How many
 * points is the rule set's business ({@code PointsRules}); an event whose rule gives 0 sends nothing. Each entry names the
 * event by its CloudEvents id, and the same event delivered twice is recorded once (the reaction's derived idempotency
 * key; under another key the record refuses it, POINTS_ALREADY_RECORDED, which is counted, not a failure).
 * A member the service does not know is a refusal, counted, not a failure. A corrected attendance
 * ({@code AttendanceCorrected}) adds the difference of the two rules' points as an entry of its own (absent → on leave:
 * +3 by default), naming the correction's event; the earlier entry stays, so the ledger shows both.
 */
@Component
class ActivityPointsReaction implements Reaction {

    static final String NAME = "activity-points";

    private final PointsRules points;

    ActivityPointsReaction(PointsRules points) {
        this.points = points;
    }

    /** Whether the rule gives points on the day: a rule giving 0 (a leave, by default) records nothing, so nothing is sent. */
    private boolean earns(String rule, java.time.LocalDate day) {
        try {
            PointsRules.Version version = points.at(day);
            PointsRules.Rule found = version.rules().get(rule);
            return found == null || found.points() == null || found.points() != 0;
        } catch (org.dangjian.runtime.domain.RuleViolation noRules) {
            return true; // the record refuses it, and the refusal is counted
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(AttendanceRecorded.class, AttendanceCorrected.class, VolunteerServiceRecorded.class);
    }

    private static String ruleOf(Attendance attendance) {
        return switch (attendance) {
            case PRESENT -> "ATTENDANCE_PRESENT";
            case ON_LEAVE -> "ATTENDANCE_ON_LEAVE";
            case ABSENT -> "ABSENT_WITHOUT_LEAVE";
        };
    }

    private static String said(Attendance attendance) {
        return attendance == Attendance.PRESENT ? "出席" : attendance == Attendance.ABSENT ? "无故缺席" : "请假";
    }

    /** Whether two fixed rules give different points on the day (else a correction between them records nothing). */
    private boolean differ(String previous, String rule, java.time.LocalDate day) {
        try {
            PointsRules.Version version = points.at(day);
            return points.points(version, previous, null, null) != points.points(version, rule, null, null);
        } catch (org.dangjian.runtime.domain.RuleViolation noRules) {
            return true; // the record refuses it, and the refusal is counted
        }
    }

    @Override
    public void react(PublishedEvent event, Reactor reactor) {
        if (event.payload() instanceof AttendanceCorrected corrected) {
            String previous = ruleOf(corrected.previousAttendance());
            String rule = ruleOf(corrected.attendance());
            if (!differ(previous, rule, corrected.date())) {
                return;
            }
            String reason = "出勤更正：" + said(corrected.previousAttendance()) + " → " + said(corrected.attendance()) + " "
                    + ActivityNames.chinese(corrected.kind()) + " " + corrected.date()
                    + (corrected.correctionReason() == null ? "" : "（" + corrected.correctionReason() + "）");
            reactor.send(corrected.memberId(), id -> new CorrectAttendancePointsCommand(new MemberId(id), previous, rule, corrected.date(), reason,
                    event.eventId(), event.type()));
        } else if (event.payload() instanceof AttendanceRecorded attendance) {
            String rule = ruleOf(attendance.attendance());
            String reason = said(attendance.attendance()) + " " + ActivityNames.chinese(attendance.kind()) + " " + attendance.date();
            if (!earns(rule, attendance.date())) {
                return;
            }
            reactor.send(attendance.memberId(), id -> new RecordPointsCommand(new MemberId(id), rule, null, null, attendance.date(), reason,
                    event.eventId(), event.type(), BranchScope.ALL));
        } else if (event.payload() instanceof VolunteerServiceRecorded service) {
            String reason = "志愿服务（" + ActivityNames.chinese(service.kind()) + "）" + service.hours().stripTrailingZeros().toPlainString() + " 小时 "
                    + service.date();
            reactor.send(service.memberId(), id -> new RecordPointsCommand(new MemberId(id), "VOLUNTEER_HOUR", null, service.hours(),
                    service.date(), reason, event.eventId(), event.type(), BranchScope.ALL));
        }
    }
}
