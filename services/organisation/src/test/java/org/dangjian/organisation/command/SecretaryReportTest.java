package org.dangjian.organisation.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.organisation.command.WorkFixtures.A;
import static org.dangjian.organisation.command.WorkFixtures.BRANCH;
import static org.dangjian.organisation.command.WorkFixtures.BRANCH_ID;
import static org.dangjian.organisation.command.WorkFixtures.CALENDAR;
import static org.dangjian.organisation.command.WorkFixtures.COMMITTEE;
import static org.dangjian.organisation.command.WorkFixtures.ID;
import static org.dangjian.organisation.command.WorkFixtures.code;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.organisation.ReportRating;
import org.dangjian.contracts.organisation.SecretaryReportConcluded;
import org.dangjian.contracts.organisation.SecretaryReportEvaluated;
import org.dangjian.contracts.organisation.SecretaryReportSubmitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 双述双评: a report submitted, rated once per evaluator, concluded with the rounded mean; every refusal by its code. */
class SecretaryReportTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 10);
    static final SecretaryReportSubmitted SUBMITTED = new SecretaryReportSubmitted(ID, BRANCH_ID, 2025, A, "李明", DAY, "述党建", "述业务");
    static final SecretaryReportEvaluated FIRST = new SecretaryReportEvaluated(ID, "王建国", "党委委员", ReportRating.EXCELLENT, ReportRating.GOOD,
            null, DAY);
    static final SecretaryReportEvaluated SECOND = new SecretaryReportEvaluated(ID, "周立群", null, ReportRating.GOOD, ReportRating.GOOD, "好",
            DAY.plusDays(1));

    private FixtureConfiguration<SecretaryReport> reports;

    @BeforeEach
    void setUp() {
        reports = new AggregateTestFixture<>(SecretaryReport.class);
        reports.registerAnnotatedCommandHandler(new WorkCommandHandlers(null, null, null, null, null, null, reports.getRepository(), CALENDAR));
    }

    @Test
    void aBranchsReportIsSubmittedByStaffOrItsOwnSecretary() {
        reports.givenNoPriorActivity().when(new ReportCommands.SubmitReport(ID, BRANCH, 2025, A, "李明", DAY, "述党建", "述业务", null))
                .expectEvents(SUBMITTED);
        reports.givenNoPriorActivity().when(new ReportCommands.SubmitReport(ID, BRANCH, 2025, A, "李明", DAY, "述党建", "述业务", BRANCH_ID))
                .expectEvents(SUBMITTED);
        reports.givenNoPriorActivity().when(new ReportCommands.SubmitReport(ID, BRANCH, 2025, A, "李明", DAY, "述党建", "述业务", "other"))
                .expectException(code("UNIT_NOT_FOUND"));
        reports.givenNoPriorActivity().when(new ReportCommands.SubmitReport(ID, COMMITTEE, 2025, A, "李明", DAY, "述党建", "述业务", null))
                .expectException(code("UNIT_NOT_ELECTIVE"));
        reports.givenNoPriorActivity().when(new ReportCommands.SubmitReport(ID, BRANCH, 2027, A, "李明", DAY, "述党建", "述业务", null))
                .expectException(code("INVALID_YEAR"));
        reports.givenNoPriorActivity().when(new ReportCommands.SubmitReport(ID, BRANCH, 2025, A, "李明", DAY, "", "述业务", null))
                .expectException(code("INVALID_REQUEST"));
    }

    @Test
    void eachEvaluatorRatesOnceAndTheConclusionIsTheRoundedMean() {
        reports.given(SUBMITTED).when(new ReportCommands.EvaluateReport(ID, "王建国", "党委委员", ReportRating.EXCELLENT, ReportRating.GOOD, null, DAY))
                .expectEvents(FIRST);
        reports.given(SUBMITTED, FIRST).when(new ReportCommands.EvaluateReport(ID, "王建国", null, ReportRating.FAIR, ReportRating.FAIR, null, DAY))
                .expectException(code("EVALUATOR_ALREADY_RATED"));
        reports.given(SUBMITTED, FIRST, SECOND).when(new ReportCommands.ConcludeReport(ID, DAY.plusDays(2), "较好"))
                .expectEvents(new SecretaryReportConcluded(ID, BRANCH_ID, 2025, DAY.plusDays(2), 2, ReportRating.EXCELLENT, ReportRating.GOOD, "较好"));
        reports.given(SUBMITTED).when(new ReportCommands.ConcludeReport(ID, DAY, "无")).expectException(code("NO_EVALUATIONS"));
        reports.given(SUBMITTED, FIRST, new SecretaryReportConcluded(ID, BRANCH_ID, 2025, DAY, 1, ReportRating.EXCELLENT, ReportRating.GOOD, "好"))
                .when(new ReportCommands.EvaluateReport(ID, "周立群", null, ReportRating.GOOD, ReportRating.GOOD, null, DAY))
                .expectException(code("REPORT_ALREADY_CONCLUDED"));
        reports.given(SUBMITTED, FIRST).when(new ReportCommands.EvaluateReport(ID, "周立群", null, null, ReportRating.GOOD, null, DAY))
                .expectException(code("INVALID_REQUEST"));
    }

    @Test
    void aRoundTakesAtMostAHundredEvaluationsAndIsConcludedOnce() {
        List<Object> rated = new java.util.ArrayList<>(List.of(SUBMITTED));
        for (int i = 0; i < SecretaryReport.MAX_EVALUATIONS; i++) {
            rated.add(new SecretaryReportEvaluated(ID, "评议人" + i, null, ReportRating.GOOD, ReportRating.GOOD, null, DAY));
        }
        reports.given(rated).when(new ReportCommands.EvaluateReport(ID, "再一位", null, ReportRating.GOOD, ReportRating.GOOD, null, DAY))
                .expectException(code("TOO_MANY_EVALUATIONS"));
        reports.given(SUBMITTED, FIRST, new SecretaryReportConcluded(ID, BRANCH_ID, 2025, DAY, 1, ReportRating.EXCELLENT, ReportRating.GOOD, "好"))
                .when(new ReportCommands.ConcludeReport(ID, DAY, "再次")).expectException(code("REPORT_ALREADY_CONCLUDED"));
    }

    @Test
    void theMeanRoundsHalfUp() {
        assertThat(SecretaryReport.mean(List.of(ReportRating.EXCELLENT, ReportRating.GOOD))).isEqualTo(ReportRating.EXCELLENT);
        assertThat(SecretaryReport.mean(List.of(ReportRating.GOOD, ReportRating.GOOD, ReportRating.FAIR))).isEqualTo(ReportRating.GOOD);
        assertThat(SecretaryReport.mean(List.of(ReportRating.FAIR, ReportRating.POOR, ReportRating.POOR))).isEqualTo(ReportRating.POOR);
        assertThat(SecretaryReport.mean(List.of(ReportRating.POOR))).isEqualTo(ReportRating.POOR);
    }
}
