package org.dangjian.organisation.command;

import static org.dangjian.organisation.command.WorkFixtures.BRANCH;
import static org.dangjian.organisation.command.WorkFixtures.BRANCH_ID;
import static org.dangjian.organisation.command.WorkFixtures.CALENDAR;
import static org.dangjian.organisation.command.WorkFixtures.COMMITTEE;
import static org.dangjian.organisation.command.WorkFixtures.ID;
import static org.dangjian.organisation.command.WorkFixtures.code;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.organisation.AssessmentArea;
import org.dangjian.contracts.organisation.AssessmentCriteriaPublished;
import org.dangjian.contracts.organisation.AssessmentGrade;
import org.dangjian.contracts.organisation.ComplianceFact;
import org.dangjian.contracts.organisation.UnitAssessmentConcluded;
import org.dangjian.contracts.organisation.UnitAssessmentCorrected;
import org.dangjian.contracts.organisation.UnitAssessmentOpened;
import org.dangjian.contracts.organisation.UnitAssessmentScored;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Criteria versions published, and assessments opened on the latest, scored, corrected and concluded; every refusal by its code. */
class AssessmentTest {

    static final String CRITERIA_ID = AssessmentCommands.criteriaIdOf("wuhua");
    static final List<AssessmentArea> AREAS = List.of(new AssessmentArea("SETUP", "组织设置标准化", 50, null, null),
            new AssessmentArea("LIFE", "组织生活正常化", 50, "三会一课", "activities.compliance"));
    static final List<AssessmentGrade> GRADES = List.of(new AssessmentGrade("GOOD", "良好", 80), new AssessmentGrade("PASS", "合格", 0));
    static final AssessmentCriteriaPublished V1 = new AssessmentCriteriaPublished(CRITERIA_ID, "wuhua", 1, "五化", List.of("BRANCH"), AREAS, GRADES,
            null);
    static final LocalDate OPENED = LocalDate.of(2026, 11, 2);
    static final UnitAssessmentOpened OPEN = new UnitAssessmentOpened(ID, BRANCH_ID, 2025, CRITERIA_ID, "wuhua", 1, "五化", AREAS, GRADES, OPENED,
            List.of("王建国"));
    static final List<ComplianceFact> FACTS = List.of(new ComplianceFact("c1", "PARTY_LESSON", "2025-Q1", 1, 1, true));
    static final UnitAssessmentScored SETUP = new UnitAssessmentScored(ID, "SETUP", 45, 50, OPENED, List.of("支委会名单"), null, null);
    static final UnitAssessmentScored LIFE = new UnitAssessmentScored(ID, "LIFE", 30, 50, OPENED, List.of(), "党课少一次", FACTS);
    static final UnitAssessmentConcluded CONCLUDED = new UnitAssessmentConcluded(ID, BRANCH_ID, 2025, "wuhua", 1, OPENED, 75, 100, "PASS", "合格",
            "合格");

    @Nested
    class Criteria {

        private FixtureConfiguration<AssessmentCriteria> criteria;

        @BeforeEach
        void setUp() {
            criteria = new AggregateTestFixture<>(AssessmentCriteria.class);
            criteria.registerAnnotatedCommandHandler(new WorkCommandHandlers(null, criteria.getRepository(), null, null, null, null, null, CALENDAR));
        }

        private AssessmentCommands.PublishCriteria publish(List<String> kinds, List<AssessmentArea> areas, List<AssessmentGrade> grades) {
            return new AssessmentCommands.PublishCriteria(CRITERIA_ID, "wuhua", "五化", kinds, areas, grades, null, true);
        }

        @Test
        void eachPublicationIsTheNextVersionAndTheSameContentTwiceIsRefused() {
            criteria.givenNoPriorActivity().when(publish(List.of("BRANCH"), AREAS, List.of(GRADES.get(1), GRADES.get(0)))).expectEvents(V1);
            List<AssessmentArea> changed = List.of(AREAS.get(0), new AssessmentArea("LIFE", "组织生活正常化", 40, "三会一课", "activities.compliance"));
            criteria.given(V1).when(new AssessmentCommands.PublishCriteria(CRITERIA_ID, "wuhua", "五化", List.of("BRANCH"), changed, GRADES, "修订", false))
                    .expectEvents(new AssessmentCriteriaPublished(CRITERIA_ID, "wuhua", 2, "五化", List.of("BRANCH"), changed, GRADES, "修订"));
            criteria.given(V1).when(new AssessmentCommands.PublishCriteria(CRITERIA_ID, "wuhua", "五化", List.of("BRANCH"), AREAS, GRADES, null, false))
                    .expectException(code("CRITERIA_UNCHANGED"));
        }

        @Test
        void invalidCriteriaAreRefused() {
            criteria.givenNoPriorActivity().when(publish(List.of("NOT_A_KIND"), AREAS, GRADES)).expectException(code("INVALID_CRITERIA"));
            criteria.givenNoPriorActivity().when(publish(List.of("BRANCH"), List.of(AREAS.get(0), AREAS.get(0)), GRADES))
                    .expectException(code("INVALID_CRITERIA"));
            criteria.givenNoPriorActivity().when(publish(List.of("BRANCH"), List.of(new AssessmentArea("X", "零分", 0, null, null)), GRADES))
                    .expectException(code("INVALID_CRITERIA"));
            criteria.givenNoPriorActivity().when(publish(List.of("BRANCH"), AREAS, List.of(new AssessmentGrade("GOOD", "良好", 80))))
                    .expectException(code("INVALID_CRITERIA"));
            criteria.givenNoPriorActivity().when(publish(List.of("BRANCH"), AREAS, List.of(GRADES.get(1), new AssessmentGrade("TOP", "顶", 101))))
                    .expectException(code("INVALID_CRITERIA"));
            criteria.givenNoPriorActivity().when(publish(List.of("BRANCH"), List.of(new AssessmentArea("LIFE", "生活", 10, null, "somewhere")), GRADES))
                    .expectException(code("INVALID_CRITERIA"));
        }
    }

    @Nested
    class Assessments {

        private FixtureConfiguration<UnitAssessment> assessments;

        @BeforeEach
        @SuppressWarnings("unchecked")
        void setUp() {
            assessments = new AggregateTestFixture<>(UnitAssessment.class);
            Repository<AssessmentCriteria> criteria = mock(Repository.class);
            Aggregate<AssessmentCriteria> wuhua = mock(Aggregate.class);
            when(criteria.load(CRITERIA_ID)).thenReturn(wuhua);
            when(wuhua.invoke(any())).thenReturn(V1);
            when(criteria.load(AssessmentCommands.criteriaIdOf("none"))).thenThrow(new AggregateNotFoundException("none", "none"));
            assessments.registerAnnotatedCommandHandler(new WorkCommandHandlers(null, criteria, assessments.getRepository(), null, null, null, null,
                    CALENDAR));
        }

        @Test
        void anAssessmentOpensOnTheLatestVersionOfASetThatAssessesTheUnitsKind() {
            assessments.givenNoPriorActivity().when(new AssessmentCommands.OpenAssessment(ID, BRANCH, 2025, "wuhua", OPENED, List.of("王建国")))
                    .expectEvents(OPEN);
            assessments.givenNoPriorActivity().when(new AssessmentCommands.OpenAssessment(ID, COMMITTEE, 2025, "wuhua", OPENED, List.of("王建国")))
                    .expectException(code("UNIT_KIND_NOT_ASSESSED"));
            assessments.givenNoPriorActivity().when(new AssessmentCommands.OpenAssessment(ID, BRANCH, 2025, "none", OPENED, List.of("王建国")))
                    .expectException(code("CRITERIA_NOT_FOUND"));
            assessments.givenNoPriorActivity().when(new AssessmentCommands.OpenAssessment(ID, BRANCH, 2027, "wuhua", OPENED, List.of("王建国")))
                    .expectException(code("INVALID_YEAR"));
            assessments.givenNoPriorActivity().when(new AssessmentCommands.OpenAssessment(ID, BRANCH, 2025, "wuhua", OPENED, List.of()))
                    .expectException(code("INVALID_LIST"));
        }

        @Test
        void eachAreaIsScoredOnceInRangeAndTheComplianceFactsStayOnlyWithTheAreaThatTakesThem() {
            assessments.given(OPEN).when(new AssessmentCommands.ScoreArea(ID, "SETUP", 45, OPENED, List.of("支委会名单"), null, FACTS))
                    .expectEvents(SETUP);
            assessments.given(OPEN).when(new AssessmentCommands.ScoreArea(ID, "LIFE", 30, OPENED, List.of(), "党课少一次", FACTS)).expectEvents(LIFE);
            assessments.given(OPEN, SETUP).when(new AssessmentCommands.ScoreArea(ID, "SETUP", 40, OPENED, List.of(), null, null))
                    .expectException(code("AREA_ALREADY_SCORED"));
            assessments.given(OPEN).when(new AssessmentCommands.ScoreArea(ID, "SETUP", 51, OPENED, List.of(), null, null))
                    .expectException(code("SCORE_OUT_OF_RANGE"));
            assessments.given(OPEN).when(new AssessmentCommands.ScoreArea(ID, "NOPE", 1, OPENED, List.of(), null, null))
                    .expectException(code("UNKNOWN_AREA"));
            assessments.given(OPEN).when(new AssessmentCommands.ScoreArea(ID, "SETUP", 1, OPENED.minusDays(1), List.of(), null, null))
                    .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
            assessments.given(OPEN, SETUP, LIFE, CONCLUDED).when(new AssessmentCommands.ScoreArea(ID, "SETUP", 1, OPENED, List.of(), null, null))
                    .expectException(code("ASSESSMENT_ALREADY_CONCLUDED"));
        }

        @Test
        void aCorrectionNamesTheEventItCorrectsAndItsReasonAndAfterTheConclusionTheNewGrade() {
            LocalDate day = OPENED.plusDays(3);
            assessments.given(OPEN, SETUP).when(new AssessmentCommands.CorrectScore(ID, "SETUP", 40, day, "复核", List.of("复核记录")))
                    .expectEvents(new UnitAssessmentCorrected(ID, "SETUP", 45, 40, 1, day, "复核", List.of("复核记录"), null, null));
            assessments.given(OPEN, SETUP, LIFE, CONCLUDED).when(new AssessmentCommands.CorrectScore(ID, "LIFE", 36, day, "补录党课", List.of()))
                    .expectEvents(new UnitAssessmentCorrected(ID, "LIFE", 30, 36, 2, day, "补录党课", List.of(), 81, "GOOD"));
            UnitAssessmentCorrected first = new UnitAssessmentCorrected(ID, "SETUP", 45, 40, 1, day, "复核", List.of(), null, null);
            assessments.given(OPEN, SETUP, first).when(new AssessmentCommands.CorrectScore(ID, "SETUP", 42, day, "再复核", List.of()))
                    .expectEvents(new UnitAssessmentCorrected(ID, "SETUP", 40, 42, 2, day, "再复核", List.of(), null, null));
            assessments.given(OPEN).when(new AssessmentCommands.CorrectScore(ID, "SETUP", 40, day, "复核", List.of()))
                    .expectException(code("AREA_NOT_SCORED"));
            assessments.given(OPEN, SETUP).when(new AssessmentCommands.CorrectScore(ID, "SETUP", 45, day, "复核", List.of()))
                    .expectException(code("SCORE_UNCHANGED"));
            assessments.given(OPEN, SETUP).when(new AssessmentCommands.CorrectScore(ID, "SETUP", 40, day, " ", List.of()))
                    .expectException(code("INVALID_REQUEST"));
        }

        @Test
        void anAssessmentConcludesOnceEveryAreaIsScoredWithTheGradeOfItsTotal() {
            assessments.given(OPEN, SETUP, LIFE).when(new AssessmentCommands.ConcludeAssessment(ID, OPENED, "合格")).expectEvents(CONCLUDED);
            assessments.given(OPEN, SETUP).when(new AssessmentCommands.ConcludeAssessment(ID, OPENED, "合格"))
                    .expectException(code("ASSESSMENT_INCOMPLETE"));
            assessments.given(OPEN, SETUP, LIFE, CONCLUDED).when(new AssessmentCommands.ConcludeAssessment(ID, OPENED, "再次"))
                    .expectException(code("ASSESSMENT_ALREADY_CONCLUDED"));
        }
    }
}
