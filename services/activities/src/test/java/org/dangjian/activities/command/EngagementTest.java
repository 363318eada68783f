package org.dangjian.activities.command;

import static org.dangjian.activities.command.ActivityTest.BRANCH;
import static org.dangjian.activities.command.ActivityTest.HELD;
import static org.dangjian.activities.command.ActivityTest.MEMBER;
import static org.dangjian.activities.command.ActivityTest.OTHER_BRANCH;
import static org.dangjian.activities.command.ActivityTest.OTHER_MEMBER;
import static org.dangjian.activities.command.ActivityTest.OTHER_SECRETARY;
import static org.dangjian.activities.command.ActivityTest.RULES;
import static org.dangjian.activities.command.ActivityTest.SECRETARY;
import static org.dangjian.activities.command.ActivityTest.STAFF;
import static org.dangjian.activities.command.ActivityTest.code;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.activities.DeedCompleted;
import org.dangjian.contracts.activities.EngagementCorrected;
import org.dangjian.contracts.activities.EngagementKind;
import org.dangjian.contracts.activities.EngagementRecorded;
import org.dangjian.contracts.activities.LearningForm;
import org.dangjian.runtime.security.BranchScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Learning and practice records (学习教育, "我为群众办实事", 调研报告, 群众性活动): one record per item with participants,
 * hours and evidence; a deed committed, then completed once; corrections as new events naming only what changes.
 */
class EngagementTest {

    static final String ID = "8d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a";
    static final String UNION = "00000000-0000-4000-8000-000000000031";
    static final LocalDate TOMORROW = LocalDate.of(2026, 11, 29);
    static final LocalDate COMMITTED = LocalDate.of(2026, 11, 10);

    static final EngagementRecorded LEARNING = new EngagementRecorded(ID, EngagementKind.LEARNING, BRANCH, null, "党史学习教育专题读书班", HELD,
            new BigDecimal("2.5"), List.of(MEMBER, OTHER_MEMBER), List.of("照片编号 2026-017"), "学习《中国共产党简史》", LearningForm.READING_CLASS,
            null, null);
    static final EngagementRecorded DEED = new EngagementRecorded(ID, EngagementKind.DEED, BRANCH, null, "为小区修缮路灯", COMMITTED,
            new BigDecimal("3"), List.of(MEMBER), List.of(), null, null, null, null);
    static final DeedCompleted DONE = new DeedCompleted(ID, BRANCH, HELD, "修缮路灯十二盏");

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerAnnotatedCommandHandler(new EngagementCommandHandlers(fixture.getRepository(), RULES));
    }

    private static RecordEngagementCommand learning(BranchScope scope) {
        return new RecordEngagementCommand(ID, EngagementKind.LEARNING, BRANCH, null, " 党史学习教育专题读书班 ", HELD, new BigDecimal("2.50"),
                List.of(MEMBER, OTHER_MEMBER), List.of("照片编号 2026-017"), "学习《中国共产党简史》", LearningForm.READING_CLASS, null, null, scope);
    }

    private static RecordEngagementCommand of(EngagementKind kind, BigDecimal hours, List<String> participants, List<String> evidence,
                                              LearningForm form, List<String> authors, String summary, String organiser) {
        return new RecordEngagementCommand(ID, kind, BRANCH, organiser, "标题", HELD, hours, participants, evidence, null, form, authors, summary,
                STAFF);
    }

    private static CorrectEngagementCommand correction(String reason, String title, LocalDate date, BigDecimal hours, List<String> participants,
                                                       List<String> evidence, BranchScope scope) {
        return new CorrectEngagementCommand(ID, reason, title, date, hours, participants, evidence, null, null, null, null, null, null, null, scope);
    }

    @Test
    void learningIsRecordedWithItsFormParticipantsHoursAndEvidence() {
        fixture.givenNoPriorActivity().when(learning(SECRETARY)).expectEvents(LEARNING);
        fixture.givenNoPriorActivity().when(learning(STAFF)).expectEvents(LEARNING);
    }

    @Test
    void aSecretaryRecordsForHisOwnBranchOnly() {
        fixture.givenNoPriorActivity().when(learning(OTHER_SECRETARY)).expectException(code("BRANCH_NOT_FOUND"));
        fixture.givenNoPriorActivity().when(learning(BranchScope.branch(null))).expectException(code("BRANCH_NOT_FOUND"));
    }

    @Test
    void aResearchReportHasAuthorsAmongItsParticipantsAndASummaryAndMayHaveNoHours() {
        fixture.givenNoPriorActivity()
                .when(of(EngagementKind.RESEARCH_REPORT, null, null, null, null, List.of(MEMBER), "走访十户，提出三条建议", null))
                .expectEvents(new EngagementRecorded(ID, EngagementKind.RESEARCH_REPORT, BRANCH, null, "标题", HELD, null, List.of(MEMBER), List.of(),
                        null, null, List.of(MEMBER), "走访十户，提出三条建议"));
        fixture.givenNoPriorActivity()
                .when(of(EngagementKind.RESEARCH_REPORT, null, List.of(OTHER_MEMBER), null, null, List.of(MEMBER), "摘要", null))
                .expectException(code("AUTHOR_NOT_PARTICIPANT"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.RESEARCH_REPORT, null, List.of(MEMBER), null, null, null, "摘要", null))
                .expectException(code("AUTHORS_REQUIRED"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.RESEARCH_REPORT, null, List.of(MEMBER), null, null, List.of(MEMBER), " ", null))
                .expectException(code("SUMMARY_REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(of(EngagementKind.RESEARCH_REPORT, null, List.of(MEMBER), null, null, List.of(MEMBER, MEMBER), "摘要", null))
                .expectException(code("DUPLICATE_AUTHOR"));
    }

    @Test
    void aMassActivityMayNameItsOrganisingUnitAndNoOtherKindMay() {
        fixture.givenNoPriorActivity().when(of(EngagementKind.MASS_ACTIVITY, BigDecimal.ONE, List.of(MEMBER), null, null, null, null, UNION))
                .expectEvents(new EngagementRecorded(ID, EngagementKind.MASS_ACTIVITY, BRANCH, UNION, "标题", HELD, BigDecimal.ONE, List.of(MEMBER),
                        List.of(), null, null, null, null));
        fixture.givenNoPriorActivity().when(of(EngagementKind.MASS_ACTIVITY, BigDecimal.ONE, List.of(MEMBER), null, null, null, null, BRANCH))
                .expectEvents(new EngagementRecorded(ID, EngagementKind.MASS_ACTIVITY, BRANCH, null, "标题", HELD, BigDecimal.ONE, List.of(MEMBER),
                        List.of(), null, null, null, null));
        fixture.givenNoPriorActivity().when(of(EngagementKind.LEARNING, BigDecimal.ONE, List.of(MEMBER), null, LearningForm.ONLINE_LEARNING, null,
                null, UNION)).expectException(code("FIELD_NOT_FOR_KIND"));
    }

    @Test
    void whatAKindNeedsAndWhatItMayNotHaveAreRefused() {
        fixture.givenNoPriorActivity().when(of(EngagementKind.LEARNING, BigDecimal.ONE, List.of(MEMBER), null, null, null, null, null))
                .expectException(code("LEARNING_FORM_REQUIRED"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, List.of(MEMBER), null, LearningForm.ONLINE_LEARNING, null,
                null, null)).expectException(code("FIELD_NOT_FOR_KIND"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, List.of(MEMBER), null, null, List.of(MEMBER), null, null))
                .expectException(code("FIELD_NOT_FOR_KIND"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.MASS_ACTIVITY, null, List.of(MEMBER), null, null, null, null, null))
                .expectException(code("HOURS_REQUIRED"));
        for (String hours : List.of("0", "-1", "24.5", "1.25")) {
            fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, new BigDecimal(hours), List.of(MEMBER), null, null, null, null, null))
                    .expectException(code("INVALID_HOURS"));
        }
    }

    @Test
    void participantsAndEvidenceAreCheckedAndTheDayIsNotInTheFuture() {
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, List.of(), null, null, null, null, null))
                .expectException(code("NO_PARTICIPANTS"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, List.of(MEMBER, OTHER_MEMBER, MEMBER), null, null, null, null,
                null)).expectException(code("DUPLICATE_PARTICIPANT"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(UUID.randomUUID().toString());
        }
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, many, null, null, null, null, null))
                .expectException(code("TOO_MANY_PARTICIPANTS"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, List.of(MEMBER), Collections.nCopies(21, "照片"), null, null,
                null, null)).expectException(code("TOO_MANY_EVIDENCE"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, List.of(MEMBER), List.of("照片 1", "照片 1"), null, null, null,
                null)).expectException(code("DUPLICATE_EVIDENCE"));
        fixture.givenNoPriorActivity().when(of(EngagementKind.DEED, BigDecimal.ONE, List.of(MEMBER), List.of("照片\u200b1"), null, null, null,
                null)).expectException(code("INVALID_TEXT"));
        fixture.givenNoPriorActivity().when(new RecordEngagementCommand(ID, EngagementKind.DEED, BRANCH, null, "标题", TOMORROW, BigDecimal.ONE,
                List.of(MEMBER), null, null, null, null, null, STAFF)).expectException(code("DATE_IN_FUTURE"));
        fixture.givenNoPriorActivity().when(new RecordEngagementCommand(ID, EngagementKind.DEED, BRANCH, null, "标题\u202e", HELD, BigDecimal.ONE,
                List.of(MEMBER), null, null, null, null, null, STAFF)).expectException(code("INVALID_TEXT"));
    }

    @Test
    void aDeedIsCompletedOnceWithItsResultNotBeforeItWasCommitted() {
        fixture.given(DEED).when(new CompleteDeedCommand(ID, HELD, " 修缮路灯十二盏 ", SECRETARY)).expectEvents(DONE);
        fixture.given(DEED, DONE).when(new CompleteDeedCommand(ID, HELD, "再次", STAFF)).expectException(code("DEED_ALREADY_COMPLETED"));
        fixture.given(DEED).when(new CompleteDeedCommand(ID, COMMITTED.minusDays(1), "早了", STAFF))
                .expectException(code("COMPLETION_BEFORE_COMMITMENT"));
        fixture.given(DEED).when(new CompleteDeedCommand(ID, TOMORROW, "明天", STAFF)).expectException(code("DATE_IN_FUTURE"));
        fixture.given(DEED).when(new CompleteDeedCommand(ID, HELD, " ", STAFF)).expectException(code("INVALID_TEXT"));
        fixture.given(DEED).when(new CompleteDeedCommand(ID, HELD, "结果", OTHER_SECRETARY)).expectException(code("ENGAGEMENT_NOT_FOUND"));
        fixture.given(LEARNING).when(new CompleteDeedCommand(ID, HELD, "结果", STAFF)).expectException(code("NOT_A_DEED"));
    }

    @Test
    void aCorrectionNamesItsReasonAndOnlyTheFieldsThatChange() {
        fixture.given(LEARNING)
                .when(correction("漏登一人", "党史学习教育专题读书班", null, new BigDecimal("3.0"), List.of(MEMBER, OTHER_MEMBER, "00000000-0000-4000-8001-000000000003"),
                        List.of(), SECRETARY))
                .expectEvents(new EngagementCorrected(ID, EngagementKind.LEARNING, BRANCH, "漏登一人", null, null, new BigDecimal("3"),
                        List.of(MEMBER, OTHER_MEMBER, "00000000-0000-4000-8001-000000000003"), List.of(), null, null, null, null, null, null, null));
        fixture.given(LEARNING).when(new CorrectEngagementCommand(ID, "形式有误", null, null, null, null, null, null, LearningForm.ONLINE_LEARNING,
                        null, null, null, null, null, STAFF))
                .expectEvents(new EngagementCorrected(ID, EngagementKind.LEARNING, BRANCH, "形式有误", null, null, null, null, null, null,
                        LearningForm.ONLINE_LEARNING, null, null, null, null, null));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefusedEvenAfterEarlierCorrections() {
        fixture.given(LEARNING).when(correction("无变化", "党史学习教育专题读书班", HELD, new BigDecimal("2.5"), List.of(OTHER_MEMBER, MEMBER),
                List.of("照片编号 2026-017"), STAFF)).expectException(code("ENGAGEMENT_UNCHANGED"));
        EngagementCorrected retitled = new EngagementCorrected(ID, EngagementKind.LEARNING, BRANCH, "更名", "新标题", null, null, null, null, null,
                null, null, null, null, null, null);
        fixture.given(LEARNING, retitled).when(correction("再次", "新标题", null, null, null, null, STAFF))
                .expectException(code("ENGAGEMENT_UNCHANGED"));
        fixture.given(LEARNING).when(correction(" ", "新标题", null, null, null, null, STAFF)).expectException(code("INVALID_TEXT"));
    }

    @Test
    void aCorrectionKeepsTheRulesOfItsKindAndScope() {
        fixture.given(LEARNING).when(correction("更正", "新标题", null, null, null, null, OTHER_SECRETARY))
                .expectException(code("ENGAGEMENT_NOT_FOUND"));
        fixture.given(LEARNING).when(correction("更正", null, null, null, List.of(MEMBER, MEMBER), null, STAFF))
                .expectException(code("DUPLICATE_PARTICIPANT"));
        fixture.given(LEARNING).when(correction("更正", null, TOMORROW, null, null, null, STAFF)).expectException(code("DATE_IN_FUTURE"));
        fixture.given(LEARNING).when(new CorrectEngagementCommand(ID, "更正", null, null, null, null, null, null, null, List.of(MEMBER), null, null,
                null, null, STAFF)).expectException(code("FIELD_NOT_FOR_KIND"));
        fixture.given(DEED).when(new CorrectEngagementCommand(ID, "更正", null, null, null, null, null, null, null, null, null, null, null,
                "结果", STAFF)).expectException(code("DEED_NOT_COMPLETED"));
    }

    @Test
    void aCompletedDeedsCompletionIsCorrectedAndNeverPutBeforeItsCommitment() {
        fixture.given(DEED, DONE).when(new CorrectEngagementCommand(ID, "补充办结情况", null, null, null, null, null, null, null, null, null, null,
                        COMMITTED, "修缮路灯十五盏", STAFF))
                .expectEvents(new EngagementCorrected(ID, EngagementKind.DEED, BRANCH, "补充办结情况", null, null, null, null, null, null, null,
                        null, null, null, COMMITTED, "修缮路灯十五盏"));
        fixture.given(DEED, DONE).when(correction("日期有误", null, HELD.plusDays(1), null, null, null, STAFF))
                .expectException(code("COMPLETION_BEFORE_COMMITMENT"));
        fixture.given(DEED, DONE).when(new CorrectEngagementCommand(ID, "日期", null, null, null, null, null, null, null, null, null, null,
                COMMITTED.minusDays(1), null, STAFF)).expectException(code("COMPLETION_BEFORE_COMMITMENT"));
    }

    @Test
    void aMassActivitysOrganiserIsCorrectedAndTheBranchItselfMeansNone() {
        EngagementRecorded mass = new EngagementRecorded(ID, EngagementKind.MASS_ACTIVITY, BRANCH, UNION, "健步行", HELD, BigDecimal.ONE,
                List.of(MEMBER), List.of(), null, null, null, null);
        fixture.given(mass).when(new CorrectEngagementCommand(ID, "由支部组织", null, null, null, null, null, null, null, null, null, BRANCH, null,
                        null, STAFF))
                .expectEvents(new EngagementCorrected(ID, EngagementKind.MASS_ACTIVITY, BRANCH, "由支部组织", null, null, null, null, null, null, null,
                        null, null, BRANCH, null, null));
        fixture.given(mass).when(new CorrectEngagementCommand(ID, "无变化", null, null, null, null, null, null, null, null, null, UNION, null, null,
                STAFF)).expectException(code("ENGAGEMENT_UNCHANGED"));
        fixture.given(mass).when(new CorrectEngagementCommand(ID, "他支部", null, null, null, null, null, null, null, null, null, OTHER_BRANCH, null,
                null, STAFF)).expectSuccessfulHandlerExecution();
    }
}
