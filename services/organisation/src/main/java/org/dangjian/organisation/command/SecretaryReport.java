package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.ReportRating;
import org.dangjian.contracts.organisation.SecretaryReportConcluded;
import org.dangjian.contracts.organisation.SecretaryReportEvaluated;
import org.dangjian.contracts.organisation.SecretaryReportSubmitted;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.Inputs;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A branch secretary's dual report and its dual evaluation (双述双评) for a year: the report on party work (述党建) and
 * on business work (述业务) submitted, each named evaluator rating both once (评党建, 评业务), concluded with the overall
 * ratings: the mean of the evaluations (好 4, 较好 3, 一般 2, 差 1) rounded half up.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class SecretaryReport {

    static final int MAX_EVALUATIONS = 100;

    @AggregateIdentifier
    private String reportId;
    private String unitId;
    private int year;
    private Set<String> evaluators = new HashSet<>();
    private List<ReportRating> partyRatings = new ArrayList<>();
    private List<ReportRating> businessRatings = new ArrayList<>();
    private boolean concluded;
    private LocalDate lastStep;

    protected SecretaryReport() {
        // for Axon
    }

    SecretaryReport(ReportCommands.SubmitReport command, BusinessCalendar calendar) {
        UnitFacts unit = command.unit().requireElective();
        if (unit.kind() == OrganisationUnitKind.COMMITTEE) {
            throw RuleViolation.conflict("UNIT_NOT_ELECTIVE", "双述双评 is of a branch's or general branch's secretary, not of {0}", unit.name());
        }
        if (command.actingBranchId() != null && !command.actingBranchId().equals(unit.unitId())) {
            throw RuleViolation.notFound("UNIT_NOT_FOUND", "Unit {0} is not among the branches you may report for", unit.unitId());
        }
        LocalDate day = calendar.past("submittedOn", command.submittedOn());
        if (command.year() < 1921 || command.year() > day.getYear()) {
            throw RuleViolation.invalid("INVALID_YEAR", "A report is of a year from 1921 to the year it is submitted in ({0})",
                    String.valueOf(day.getYear()));
        }
        apply(new SecretaryReportSubmitted(command.reportId(), unit.unitId(), command.year(), command.secretaryMemberId(),
                Inputs.text("secretaryName", command.secretaryName(), 100), day, Inputs.text("partyWorkReport", command.partyWorkReport(), 20000),
                Inputs.text("businessWorkReport", command.businessWorkReport(), 20000)));
    }

    void evaluate(ReportCommands.EvaluateReport command, BusinessCalendar calendar) {
        requireOpen();
        if (command.partyWorkRating() == null || command.businessWorkRating() == null) {
            throw Inputs.invalid("partyWorkRating, businessWorkRating");
        }
        String evaluator = Inputs.text("evaluator", command.evaluator(), 100);
        if (evaluators.contains(evaluator)) {
            throw RuleViolation.conflict("EVALUATOR_ALREADY_RATED", "{0} has rated this report already", evaluator);
        }
        if (evaluators.size() >= MAX_EVALUATIONS) {
            throw RuleViolation.conflict("TOO_MANY_EVALUATIONS", "A report takes at most {0} evaluations", MAX_EVALUATIONS);
        }
        apply(new SecretaryReportEvaluated(reportId, evaluator, Inputs.optional("evaluatorRole", command.evaluatorRole(), 100),
                command.partyWorkRating(), command.businessWorkRating(), Inputs.optional("comment", command.comment(), 2000),
                calendar.step(command.date(), lastStep)));
    }

    void conclude(ReportCommands.ConcludeReport command, BusinessCalendar calendar) {
        requireOpen();
        if (evaluators.isEmpty()) {
            throw RuleViolation.conflict("NO_EVALUATIONS", "Report {0} has no evaluations yet", reportId);
        }
        apply(new SecretaryReportConcluded(reportId, unitId, year, calendar.step(command.date(), lastStep), evaluators.size(), mean(partyRatings),
                mean(businessRatings), Inputs.text("conclusion", command.conclusion(), 4000)));
    }

    /** The mean of the ratings (好 4, 较好 3, 一般 2, 差 1), rounded half up. */
    static ReportRating mean(List<ReportRating> ratings) {
        int points = ratings.stream().mapToInt(r -> 4 - r.ordinal()).sum();
        int rounded = (points * 2 + ratings.size()) / (ratings.size() * 2);
        return ReportRating.values()[4 - rounded];
    }

    private void requireOpen() {
        if (concluded) {
            throw RuleViolation.conflict("REPORT_ALREADY_CONCLUDED", "Report {0} is concluded", reportId);
        }
    }

    @EventSourcingHandler
    void on(SecretaryReportSubmitted event) {
        reportId = event.reportId();
        unitId = event.unitId();
        year = event.year();
        lastStep = event.submittedOn();
    }

    @EventSourcingHandler
    void on(SecretaryReportEvaluated event) {
        evaluators.add(event.evaluator());
        partyRatings.add(event.partyWorkRating());
        businessRatings.add(event.businessWorkRating());
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(SecretaryReportConcluded event) {
        concluded = true;
        lastStep = event.concludedOn();
    }
}
