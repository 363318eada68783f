package org.dangjian.activities.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.activities.ActivityCancelled;
import org.dangjian.contracts.activities.ActivityHeld;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.ActivityScheduled;
import org.dangjian.contracts.activities.Attendance;
import org.dangjian.contracts.activities.AttendanceCorrected;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.BranchScope;

/**
 * An activity (活动) of a branch: a meeting of "三会一课", a theme party day, an organisational or democratic life
 * meeting, a heart-to-heart talk. Scheduled for a day, then held (召开, with its minutes) or cancelled (取消) with a
 * reason; once held, the attendance (出勤) of each member is recorded, and corrected only by a new event naming the
 * reason. Its stream is its whole history; a caller's scope is checked against its branch.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Activity {

    /** At most this many members in one command (a branch has at most some hundreds). */
    static final int MAX_ENTRIES = 500;

    @AggregateIdentifier
    private String activityId;
    private String branchId;
    private ActivityKind kind;
    private String topic;
    private LocalDate plannedDate;
    private String place;
    private boolean held;
    private boolean cancelled;
    private LocalDate heldOn;
    private Map<String, Attendance> attendance = new HashMap<>();
    private Map<String, String> leaveReasons = new HashMap<>();

    protected Activity() {
        // for Axon
    }

    /** Scheduled by a caller whose scope covers the branch (the handler checked it). */
    Activity(ScheduleActivityCommand command) {
        if (command.kind() == null || command.plannedDate() == null || command.branchId() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "branchId, kind, plannedDate");
        }
        apply(new ActivityScheduled(command.activityId(), command.branchId(), command.kind(),
                ActivityTexts.line("topic", command.topic(), ActivityTexts.TOPIC), command.plannedDate(),
                ActivityTexts.optionalLine("place", command.place(), ActivityTexts.PLACE)));
    }

    void hold(HoldActivityCommand command, ActivityRules rules) {
        inScope(command.scope());
        notCancelled();
        if (held) {
            throw RuleViolation.conflict("ACTIVITY_ALREADY_HELD", "Activity {0} was held on {1}", activityId, String.valueOf(heldOn));
        }
        LocalDate day = rules.past(command.date());
        String heldAt = ActivityTexts.line("place", command.place() != null && !command.place().isBlank() ? command.place() : place,
                ActivityTexts.PLACE);
        String heldTopic = command.topic() != null && !command.topic().isBlank()
                ? ActivityTexts.line("topic", command.topic(), ActivityTexts.TOPIC) : topic;
        apply(new ActivityHeld(activityId, branchId, kind, day, heldAt, heldTopic,
                ActivityTexts.free("minutes", command.minutes(), ActivityTexts.MINUTES),
                ActivityTexts.optionalLine("speaker", command.speaker(), ActivityTexts.SPEAKER)));
    }

    void cancel(CancelActivityCommand command) {
        inScope(command.scope());
        if (cancelled) {
            throw RuleViolation.conflict("ACTIVITY_ALREADY_CANCELLED", "Activity {0} is already cancelled", activityId);
        }
        if (held) {
            throw RuleViolation.conflict("ACTIVITY_ALREADY_HELD", "Activity {0} was held on {1}", activityId, String.valueOf(heldOn));
        }
        apply(new ActivityCancelled(activityId, branchId, kind, plannedDate, ActivityTexts.free("reason", command.reason(), ActivityTexts.REASON)));
    }

    /** One event per member, in the order given; a member recorded before is corrected, not recorded again. */
    void recordAttendance(RecordAttendanceCommand command) {
        inScope(command.scope());
        heldActivity();
        List<AttendanceEntry> entries = checkedEntries(command.entries());
        for (AttendanceEntry entry : entries) {
            if (attendance.containsKey(entry.memberId())) {
                throw RuleViolation.conflict("ATTENDANCE_ALREADY_RECORDED", "The attendance of member {0} is recorded already; correct it instead",
                        entry.memberId());
            }
        }
        for (AttendanceEntry entry : entries) {
            apply(new AttendanceRecorded(activityId, kind, branchId, entry.memberId(), entry.attendance(), heldOn, entry.reason()));
        }
    }

    /** One event per member whose recorded attendance changes; nothing recorded before is changed. */
    void correctAttendance(CorrectAttendanceCommand command) {
        inScope(command.scope());
        heldActivity();
        List<AttendanceEntry> entries = checkedEntries(command.entries());
        String why = ActivityTexts.free("reason", command.reason(), ActivityTexts.REASON);
        for (AttendanceEntry entry : entries) {
            Attendance recorded = attendance.get(entry.memberId());
            if (recorded == null) {
                throw RuleViolation.conflict("ATTENDANCE_NOT_RECORDED", "No attendance of member {0} is recorded yet; record it instead",
                        entry.memberId());
            }
            if (recorded == entry.attendance() && Objects.equals(leaveReasons.get(entry.memberId()), entry.reason())) {
                throw RuleViolation.conflict("ATTENDANCE_UNCHANGED", "Member {0} is recorded {1} already", entry.memberId(), recorded.name());
            }
        }
        for (AttendanceEntry entry : entries) {
            apply(new AttendanceCorrected(activityId, kind, branchId, entry.memberId(), attendance.get(entry.memberId()), entry.attendance(), heldOn,
                    entry.reason(), why));
        }
    }

    /** The entries, each once, a leave with its reason and nothing else with one; the reasons normalised. */
    private static List<AttendanceEntry> checkedEntries(List<AttendanceEntry> given) {
        if (given == null || given.isEmpty()) {
            throw RuleViolation.invalid("NO_ATTENDANCE", "Name at least one member and his attendance");
        }
        if (given.size() > MAX_ENTRIES) {
            throw RuleViolation.invalid("TOO_MANY_ENTRIES", "At most {0} members at a time", MAX_ENTRIES);
        }
        Set<String> seen = new HashSet<>();
        List<AttendanceEntry> entries = new ArrayList<>();
        for (AttendanceEntry entry : given) {
            if (entry == null || entry.memberId() == null || entry.attendance() == null) {
                throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "entries[].memberId, entries[].attendance");
            }
            if (!seen.add(entry.memberId())) {
                throw RuleViolation.invalid("DUPLICATE_MEMBER", "Member {0} is named twice", entry.memberId());
            }
            String reason = ActivityTexts.optional(entry.reason());
            if (entry.attendance() == Attendance.ON_LEAVE && reason == null) {
                throw RuleViolation.invalid("LEAVE_REASON_REQUIRED", "The leave of member {0} needs its reason", entry.memberId());
            }
            if (entry.attendance() != Attendance.ON_LEAVE && reason != null) {
                throw RuleViolation.invalid("REASON_ONLY_FOR_LEAVE", "Only a leave has a reason (member {0})", entry.memberId());
            }
            entries.add(new AttendanceEntry(entry.memberId(), entry.attendance(),
                    reason == null ? null : ActivityTexts.free("reason", reason, ActivityTexts.REASON)));
        }
        return entries;
    }

    private void inScope(BranchScope scope) {
        if (scope == null || !scope.covers(branchId)) {
            throw notFound(activityId);
        }
    }

    private void notCancelled() {
        if (cancelled) {
            throw RuleViolation.conflict("ACTIVITY_CANCELLED", "Activity {0} was cancelled", activityId);
        }
    }

    private void heldActivity() {
        notCancelled();
        if (!held) {
            throw RuleViolation.conflict("ACTIVITY_NOT_HELD", "Activity {0} has not been held yet: attendance is recorded once it is", activityId);
        }
    }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("ACTIVITY_NOT_FOUND", "There is no activity {0}", id);
    }

    @EventSourcingHandler
    void on(ActivityScheduled event) {
        activityId = event.activityId();
        branchId = event.branchId();
        kind = event.kind();
        topic = event.topic();
        plannedDate = event.plannedDate();
        place = event.place();
    }

    @EventSourcingHandler
    void on(ActivityHeld event) {
        held = true;
        heldOn = event.date();
    }

    @EventSourcingHandler
    void on(ActivityCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        attendance.put(event.memberId(), event.attendance());
        leaveReasons.put(event.memberId(), event.reason());
    }

    @EventSourcingHandler
    void on(AttendanceCorrected event) {
        attendance.put(event.memberId(), event.attendance());
        leaveReasons.put(event.memberId(), event.reason());
    }
}
