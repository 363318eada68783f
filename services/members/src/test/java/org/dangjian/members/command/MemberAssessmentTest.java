package org.dangjian.members.command;

import static org.dangjian.members.command.MemberTest.code;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.members.AssessmentType;
import org.dangjian.contracts.members.MemberAssessmentConcluded;
import org.dangjian.contracts.members.MemberAssessmentCorrected;
import org.dangjian.contracts.members.MemberAssessmentOpened;
import org.dangjian.contracts.members.MemberAssessmentScored;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An assessment's handlers after it was opened (opening reads the member's record: the service test covers it):
 * scores by the criteria set it was opened with, the grade from the total at each threshold, the vote of a democratic
 * evaluation, corrections that name their reason, and the branch's scope.
 */
class MemberAssessmentTest {

    static final String ID = "6c0c7a2e-8d1f-4c3a-9e6b-2f4d8a1c0e37";
    static final String MEMBER = MemberTest.ID;
    static final LocalDate OPENED = LocalDate.of(2026, 1, 10);
    static final LocalDate TODAY = MemberTest.TODAY;
    static final AssessmentCriteria CRITERIA;

    static {
        try (java.io.InputStream in = MemberAssessmentTest.class.getResourceAsStream("/assessment-criteria.json")) {
            CRITERIA = AssessmentCriteria.read(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private FixtureConfiguration<MemberAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAssessment.class);
        fixture.registerAnnotatedCommandHandler(new MemberAssessmentHandlers(fixture.getRepository(), null, CRITERIA,
                MembershipRules.defaults(MemberTest.CLOCK)));
    }

    static MemberAssessmentOpened opened(AssessmentType type, String period) {
        return new MemberAssessmentOpened(ID, MEMBER, MemberTest.BRANCH, type, period, type == AssessmentType.COMPREHENSIVE ? "2022.1" : null, OPENED);
    }

    static Map<String, Integer> scores(int politics, int duty, int conduct, int masses) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("POLITICS", politics);
        scores.put("DUTY", duty);
        scores.put("CONDUCT", conduct);
        scores.put("MASSES", masses);
        return scores;
    }

    @Test
    void aComprehensiveAssessmentIsScoredOnEveryCriterionWithinItsMaximum() {
        fixture.given(opened(AssessmentType.COMPREHENSIVE, "2025"))
                .when(new ScoreAssessmentCommand(ID, scores(28, 27, 18, 17), MemberTest.SECRETARY))
                .expectEvents(new MemberAssessmentScored(ID, scores(28, 27, 18, 17), 90));
        fixture.given(opened(AssessmentType.COMPREHENSIVE, "2025"))
                .when(new ScoreAssessmentCommand(ID, scores(31, 27, 18, 17), MemberTest.STAFF)).expectException(code("SCORE_OUT_OF_RANGE"));
        fixture.given(opened(AssessmentType.COMPREHENSIVE, "2025"))
                .when(new ScoreAssessmentCommand(ID, Map.of("POLITICS", 28), MemberTest.STAFF)).expectException(code("CRITERIA_MISMATCH"));
        fixture.given(opened(AssessmentType.COMPREHENSIVE, "2025"))
                .when(new ScoreAssessmentCommand(ID, scores(28, 27, 18, 17), MemberTest.OTHER_SECRETARY)).expectException(code("ASSESSMENT_NOT_FOUND"));
        fixture.given(opened(AssessmentType.DEMOCRATIC_EVALUATION, "2025"))
                .when(new ScoreAssessmentCommand(ID, scores(28, 27, 18, 17), MemberTest.STAFF)).expectException(code("NOT_SCORED"));
    }

    @Test
    void theGradeFollowsFromTheTotalAtEachThreshold() {
        for (Object[] row : new Object[][] {{90, "EXCELLENT"}, {89, "QUALIFIED"}, {70, "QUALIFIED"}, {69, "BASICALLY_QUALIFIED"}, {60, "BASICALLY_QUALIFIED"},
                {59, "UNQUALIFIED"}}) {
            int total = (int) row[0];
            fixture.given(opened(AssessmentType.COMPREHENSIVE, "2025"), new MemberAssessmentScored(ID, scores(total - 60, 30, 20, 10), total))
                    .when(new ConcludeAssessmentCommand(ID, null, null, TODAY, null, MemberTest.STAFF))
                    .expectEvents(new MemberAssessmentConcluded(ID, (String) row[1], null, TODAY, null));
        }
        fixture.given(opened(AssessmentType.COMPREHENSIVE, "2025"), new MemberAssessmentScored(ID, scores(30, 30, 20, 10), 90))
                .when(new ConcludeAssessmentCommand(ID, "QUALIFIED", null, TODAY, null, MemberTest.STAFF)).expectException(code("RESULT_NOT_THE_TOTALS"));
        fixture.given(opened(AssessmentType.COMPREHENSIVE, "2025"))
                .when(new ConcludeAssessmentCommand(ID, null, null, TODAY, null, MemberTest.STAFF)).expectException(code("NOT_YET_SCORED"));
    }

    @Test
    void aDemocraticEvaluationRecordsTheVoteAndTheGradeDecided() {
        fixture.given(opened(AssessmentType.DEMOCRATIC_EVALUATION, "2025"))
                .when(new ConcludeAssessmentCommand(ID, "QUALIFIED", Map.of("EXCELLENT", 3, "QUALIFIED", 20), TODAY, "支部党员大会", MemberTest.SECRETARY))
                .expectEvents(new MemberAssessmentConcluded(ID, "QUALIFIED", new LinkedHashMap<>(Map.of("EXCELLENT", 3, "QUALIFIED", 20,
                        "BASICALLY_QUALIFIED", 0, "UNQUALIFIED", 0)), TODAY, "支部党员大会"));
        fixture.given(opened(AssessmentType.DEMOCRATIC_EVALUATION, "2025"))
                .when(new ConcludeAssessmentCommand(ID, "QUALIFIED", Map.of(), TODAY, null, MemberTest.STAFF)).expectException(code("INVALID_VOTES"));
        fixture.given(opened(AssessmentType.DEMOCRATIC_EVALUATION, "2025"))
                .when(new ConcludeAssessmentCommand(ID, "GOOD", Map.of("QUALIFIED", 1), TODAY, null, MemberTest.STAFF)).expectException(code("INVALID_RESULT"));
        fixture.given(opened(AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3"))
                .when(new ConcludeAssessmentCommand(ID, "FAIRLY_GOOD", null, TODAY, null, MemberTest.STAFF))
                .expectEvents(new MemberAssessmentConcluded(ID, "FAIRLY_GOOD", null, TODAY, null));
        fixture.given(opened(AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3"))
                .when(new ConcludeAssessmentCommand(ID, "GOOD", null, OPENED.minusDays(1), null, MemberTest.STAFF))
                .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
    }

    @Test
    void aConcludedAssessmentIsCorrectedOnlyByANewEventThatNamesItsReason() {
        MemberAssessmentConcluded concluded = new MemberAssessmentConcluded(ID, "GOOD", null, OPENED, null);
        fixture.given(opened(AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3"), concluded)
                .when(new CorrectAssessmentCommand(ID, "FAIRLY_GOOD", TODAY, "复核后调整", MemberTest.STAFF))
                .expectEvents(new MemberAssessmentCorrected(ID, "GOOD", "FAIRLY_GOOD", TODAY, "复核后调整"));
        fixture.given(opened(AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3"), concluded)
                .when(new CorrectAssessmentCommand(ID, "FAIRLY_GOOD", TODAY, " ", MemberTest.STAFF)).expectException(code("REASON_REQUIRED"));
        fixture.given(opened(AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3"), concluded)
                .when(new CorrectAssessmentCommand(ID, "GOOD", TODAY, "x", MemberTest.STAFF)).expectException(code("SAME_RESULT"));
        fixture.given(opened(AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3"))
                .when(new CorrectAssessmentCommand(ID, "GOOD", TODAY, "x", MemberTest.STAFF)).expectException(code("NOT_CONCLUDED"));
        fixture.given(opened(AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3"), concluded)
                .when(new ConcludeAssessmentCommand(ID, "POOR", null, TODAY, null, MemberTest.STAFF)).expectException(code("ASSESSMENT_CLOSED"));
    }
}
