package org.dangjian.activities.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.activities.ActivityCancelled;
import org.dangjian.contracts.activities.ActivityHeld;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.ActivityScheduled;
import org.dangjian.contracts.activities.Attendance;
import org.dangjian.contracts.activities.AttendanceCorrected;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.BranchScope;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An activity scheduled, held with its minutes or cancelled with a reason, its attendance recorded once per member and
 * corrected by new events naming the reason; every refusal by its code, and the branch's scope.
 */
class ActivityTest {

    static final String ID = "5b7f1f8e-2a4b-4c1d-9e2f-3a4b5c6d7e8f";
    static final String BRANCH = "00000000-0000-4000-8000-000000000011";
    static final String OTHER_BRANCH = "00000000-0000-4000-8000-000000000012";
    static final String MEMBER = "00000000-0000-4000-8001-000000000001";
    static final String OTHER_MEMBER = "00000000-0000-4000-8001-000000000002";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);
    static final ActivityRules RULES = ActivityRules.defaults(CLOCK);
    static final LocalDate PLANNED = LocalDate.of(2026, 11, 20);
    static final LocalDate HELD = LocalDate.of(2026, 11, 21);
    static final BranchScope STAFF = BranchScope.ALL;
    static final BranchScope SECRETARY = BranchScope.branch(BRANCH);
    static final BranchScope OTHER_SECRETARY = BranchScope.branch(OTHER_BRANCH);

    static Matcher<RuleViolation> code(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation " + code);
            }
        };
    }

    static final ActivityScheduled SCHEDULED = new ActivityScheduled(ID, BRANCH, ActivityKind.PARTY_LESSON, "学习贯彻党的二十大精神", PLANNED, "党员活动室");
    static final ActivityHeld HELD_EVENT = new ActivityHeld(ID, BRANCH, ActivityKind.PARTY_LESSON, HELD, "党员活动室", "学习贯彻党的二十大精神",
            "一、书记讲党课；\n二、交流发言。", "王建华");

    private FixtureConfiguration<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerAnnotatedCommandHandler(new ActivityCommandHandlers(fixture.getRepository(), null, RULES));
    }

    private static AttendanceEntry present(String member) {
        return new AttendanceEntry(member, Attendance.PRESENT, null);
    }

    @Test
    void aSecretaryOrStaffSchedulesAnActivityOfTheirBranch() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivityCommand(ID, BRANCH, ActivityKind.PARTY_LESSON, "  学习贯彻党的二十大精神 ", PLANNED, "党员活动室", SECRETARY))
                .expectEvents(SCHEDULED);
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivityCommand(ID, BRANCH, ActivityKind.HEART_TO_HEART_TALK, "谈心谈话", PLANNED, null, STAFF))
                .expectEvents(new ActivityScheduled(ID, BRANCH, ActivityKind.HEART_TO_HEART_TALK, "谈心谈话", PLANNED, null));
    }

    @Test
    void schedulingIsRefusedForAnotherBranchOrWithoutATopic() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivityCommand(ID, BRANCH, ActivityKind.PARTY_LESSON, "党课", PLANNED, null, OTHER_SECRETARY))
                .expectException(code("BRANCH_NOT_FOUND"));
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivityCommand(ID, BRANCH, ActivityKind.PARTY_LESSON, "党课", PLANNED, null, BranchScope.branch(null)))
                .expectException(code("BRANCH_NOT_FOUND"));
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivityCommand(ID, BRANCH, ActivityKind.PARTY_LESSON, " ", PLANNED, null, STAFF))
                .expectException(code("INVALID_TEXT"));
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivityCommand(ID, BRANCH, ActivityKind.PARTY_LESSON, "党课\u200b", PLANNED, null, STAFF))
                .expectException(code("INVALID_TEXT"));
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivityCommand(ID, BRANCH, null, "党课", PLANNED, null, STAFF))
                .expectException(code("INVALID_REQUEST"));
    }

    @Test
    void aScheduledActivityIsHeldWithItsMinutesAtThePlannedPlaceUnlessAnotherIsGiven() {
        fixture.given(SCHEDULED)
                .when(new HoldActivityCommand(ID, HELD, null, null, "一、书记讲党课；\n二、交流发言。", "王建华", SECRETARY))
                .expectEvents(HELD_EVENT);
        fixture.given(SCHEDULED)
                .when(new HoldActivityCommand(ID, HELD, "会议室", "专题党课", "记录", null, STAFF))
                .expectEvents(new ActivityHeld(ID, BRANCH, ActivityKind.PARTY_LESSON, HELD, "会议室", "专题党课", "记录", null));
    }

    @Test
    void holdingIsRefusedInTheFutureTwiceWhenCancelledWithoutMinutesOrPlaceAndToAnotherBranch() {
        fixture.given(SCHEDULED).when(new HoldActivityCommand(ID, LocalDate.of(2026, 11, 29), null, null, "记录", null, STAFF))
                .expectException(code("DATE_IN_FUTURE"));
        fixture.given(SCHEDULED, HELD_EVENT).when(new HoldActivityCommand(ID, HELD, null, null, "记录", null, STAFF))
                .expectException(code("ACTIVITY_ALREADY_HELD"));
        fixture.given(SCHEDULED, new ActivityCancelled(ID, BRANCH, ActivityKind.PARTY_LESSON, PLANNED, "防汛"))
                .when(new HoldActivityCommand(ID, HELD, null, null, "记录", null, STAFF)).expectException(code("ACTIVITY_CANCELLED"));
        fixture.given(SCHEDULED).when(new HoldActivityCommand(ID, HELD, null, null, "  ", null, STAFF)).expectException(code("INVALID_TEXT"));
        fixture.given(new ActivityScheduled(ID, BRANCH, ActivityKind.HEART_TO_HEART_TALK, "谈心谈话", PLANNED, null))
                .when(new HoldActivityCommand(ID, HELD, null, null, "记录", null, STAFF)).expectException(code("INVALID_TEXT"));
        fixture.given(SCHEDULED).when(new HoldActivityCommand(ID, HELD, null, null, "记录", null, OTHER_SECRETARY))
                .expectException(code("ACTIVITY_NOT_FOUND"));
    }

    @Test
    void aScheduledActivityIsCancelledWithAReasonOnceAndNeverAfterItWasHeld() {
        fixture.given(SCHEDULED).when(new CancelActivityCommand(ID, "防汛值班", SECRETARY))
                .expectEvents(new ActivityCancelled(ID, BRANCH, ActivityKind.PARTY_LESSON, PLANNED, "防汛值班"));
        fixture.given(SCHEDULED, new ActivityCancelled(ID, BRANCH, ActivityKind.PARTY_LESSON, PLANNED, "防汛"))
                .when(new CancelActivityCommand(ID, "再次", STAFF)).expectException(code("ACTIVITY_ALREADY_CANCELLED"));
        fixture.given(SCHEDULED, HELD_EVENT).when(new CancelActivityCommand(ID, "晚了", STAFF)).expectException(code("ACTIVITY_ALREADY_HELD"));
        fixture.given(SCHEDULED).when(new CancelActivityCommand(ID, null, STAFF)).expectException(code("INVALID_TEXT"));
        fixture.given(SCHEDULED).when(new CancelActivityCommand(ID, "防汛", OTHER_SECRETARY)).expectException(code("ACTIVITY_NOT_FOUND"));
    }

    @Test
    void attendanceOfAHeldActivityIsOneEventPerMemberWithTheDayItWasHeld() {
        fixture.given(SCHEDULED, HELD_EVENT)
                .when(new RecordAttendanceCommand(ID, List.of(present(MEMBER), new AttendanceEntry(OTHER_MEMBER, Attendance.ON_LEAVE, " 出差 ")),
                        SECRETARY))
                .expectEvents(new AttendanceRecorded(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.PRESENT, HELD, null),
                        new AttendanceRecorded(ID, ActivityKind.PARTY_LESSON, BRANCH, OTHER_MEMBER, Attendance.ON_LEAVE, HELD, "出差"));
        fixture.given(SCHEDULED, HELD_EVENT, new AttendanceRecorded(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.PRESENT, HELD, null))
                .when(new RecordAttendanceCommand(ID, List.of(new AttendanceEntry(OTHER_MEMBER, Attendance.ABSENT, null)), STAFF))
                .expectEvents(new AttendanceRecorded(ID, ActivityKind.PARTY_LESSON, BRANCH, OTHER_MEMBER, Attendance.ABSENT, HELD, null));
    }

    @Test
    void attendanceIsRefusedBeforeTheActivityIsHeldWhenCancelledTwiceForAMemberAndWithoutALeavesReason() {
        fixture.given(SCHEDULED).when(new RecordAttendanceCommand(ID, List.of(present(MEMBER)), STAFF)).expectException(code("ACTIVITY_NOT_HELD"));
        fixture.given(SCHEDULED, new ActivityCancelled(ID, BRANCH, ActivityKind.PARTY_LESSON, PLANNED, "防汛"))
                .when(new RecordAttendanceCommand(ID, List.of(present(MEMBER)), STAFF)).expectException(code("ACTIVITY_CANCELLED"));
        fixture.given(SCHEDULED, HELD_EVENT, new AttendanceRecorded(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.PRESENT, HELD, null))
                .when(new RecordAttendanceCommand(ID, List.of(present(OTHER_MEMBER), present(MEMBER)), STAFF))
                .expectException(code("ATTENDANCE_ALREADY_RECORDED"));
        fixture.given(SCHEDULED, HELD_EVENT).when(new RecordAttendanceCommand(ID, List.of(present(MEMBER), present(MEMBER)), STAFF))
                .expectException(code("DUPLICATE_MEMBER"));
        fixture.given(SCHEDULED, HELD_EVENT).when(new RecordAttendanceCommand(ID, List.of(), STAFF)).expectException(code("NO_ATTENDANCE"));
        fixture.given(SCHEDULED, HELD_EVENT)
                .when(new RecordAttendanceCommand(ID, List.of(new AttendanceEntry(MEMBER, Attendance.ON_LEAVE, " ")), STAFF))
                .expectException(code("LEAVE_REASON_REQUIRED"));
        fixture.given(SCHEDULED, HELD_EVENT)
                .when(new RecordAttendanceCommand(ID, List.of(new AttendanceEntry(MEMBER, Attendance.ABSENT, "没来")), STAFF))
                .expectException(code("REASON_ONLY_FOR_LEAVE"));
        fixture.given(SCHEDULED, HELD_EVENT)
                .when(new RecordAttendanceCommand(ID, java.util.Collections.nCopies(Activity.MAX_ENTRIES + 1, present(MEMBER)), STAFF))
                .expectException(code("TOO_MANY_ENTRIES"));
        fixture.given(SCHEDULED, HELD_EVENT)
                .when(new RecordAttendanceCommand(ID, List.of(new AttendanceEntry(MEMBER, null, null)), STAFF))
                .expectException(code("INVALID_REQUEST"));
        fixture.given(SCHEDULED, HELD_EVENT).when(new RecordAttendanceCommand(ID, List.of(present(MEMBER)), OTHER_SECRETARY))
                .expectException(code("ACTIVITY_NOT_FOUND"));
    }

    @Test
    void aCorrectionIsANewEventNamingThePreviousAttendanceAndTheReason() {
        AttendanceRecorded absent = new AttendanceRecorded(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.ABSENT, HELD, null);
        fixture.given(SCHEDULED, HELD_EVENT, absent)
                .when(new CorrectAttendanceCommand(ID, List.of(new AttendanceEntry(MEMBER, Attendance.ON_LEAVE, "病假")), "补交请假条", SECRETARY))
                .expectEvents(new AttendanceCorrected(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.ABSENT, Attendance.ON_LEAVE, HELD,
                        "病假", "补交请假条"));
        AttendanceCorrected corrected = new AttendanceCorrected(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.ABSENT, Attendance.ON_LEAVE,
                HELD, "病假", "补交请假条");
        fixture.given(SCHEDULED, HELD_EVENT, absent, corrected)
                .when(new CorrectAttendanceCommand(ID, List.of(present(MEMBER)), "登记有误", STAFF))
                .expectEvents(new AttendanceCorrected(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.ON_LEAVE, Attendance.PRESENT, HELD,
                        null, "登记有误"));
    }

    @Test
    void aCorrectionIsRefusedWithoutARecordWithoutAChangeWithoutAReasonAndToAnotherBranch() {
        AttendanceRecorded present = new AttendanceRecorded(ID, ActivityKind.PARTY_LESSON, BRANCH, MEMBER, Attendance.PRESENT, HELD, null);
        fixture.given(SCHEDULED, HELD_EVENT, present)
                .when(new CorrectAttendanceCommand(ID, List.of(present(OTHER_MEMBER)), "补登", STAFF)).expectException(code("ATTENDANCE_NOT_RECORDED"));
        fixture.given(SCHEDULED, HELD_EVENT, present)
                .when(new CorrectAttendanceCommand(ID, List.of(present(MEMBER)), "无变化", STAFF)).expectException(code("ATTENDANCE_UNCHANGED"));
        fixture.given(SCHEDULED, HELD_EVENT, present)
                .when(new CorrectAttendanceCommand(ID, List.of(new AttendanceEntry(MEMBER, Attendance.ABSENT, null)), " ", STAFF))
                .expectException(code("INVALID_TEXT"));
        fixture.given(SCHEDULED).when(new CorrectAttendanceCommand(ID, List.of(present(MEMBER)), "更正", STAFF))
                .expectException(code("ACTIVITY_NOT_HELD"));
        fixture.given(SCHEDULED, HELD_EVENT, present)
                .when(new CorrectAttendanceCommand(ID, List.of(new AttendanceEntry(MEMBER, Attendance.ABSENT, null)), "更正", OTHER_SECRETARY))
                .expectException(code("ACTIVITY_NOT_FOUND"));
    }
}
