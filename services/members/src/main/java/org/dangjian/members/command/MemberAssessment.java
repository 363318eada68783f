package org.dangjian.members.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.members.AssessmentType;
import org.dangjian.contracts.members.MemberAssessmentConcluded;
import org.dangjian.contracts.members.MemberAssessmentCorrected;
import org.dangjian.contracts.members.MemberAssessmentOpened;
import org.dangjian.contracts.members.MemberAssessmentScored;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.BranchScope;

/**
 * An assessment of a member (考核), a record of its own with its own timeline: opened for a period, scored on the
 * criteria of the set it was opened with (comprehensive only), concluded with its grade, and corrected only by a new
 * event that names the reason. The member's branch is taken when it is opened; a caller's scope is checked against it.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class MemberAssessment {

    /** The grades of the comprehensive assessment and the democratic evaluation. */
    static final List<String> PARTY_GRADES = List.of("EXCELLENT", "QUALIFIED", "BASICALLY_QUALIFIED", "UNQUALIFIED");
    /** The grades of the civil servants' daily assessment. */
    static final List<String> DAILY_GRADES = List.of("GOOD", "FAIRLY_GOOD", "AVERAGE", "POOR");

    @AggregateIdentifier
    private String assessmentId;
    private String branchId;
    private AssessmentType type;
    private String criteriaVersion;
    private LocalDate openedOn;
    private boolean scored;
    private int total;
    private String result;
    private LocalDate lastDate;

    protected MemberAssessment() {
        // for Axon
    }

    /** Opened for a member whose branch the caller's scope covers (the handler checked the member). */
    MemberAssessment(OpenAssessmentCommand command, String memberBranch, AssessmentCriteria criteria, MembershipRules rules) {
        if (command.type() == null || command.date() == null || command.period() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "An assessment needs its type, period and day");
        }
        boolean daily = command.type() == AssessmentType.CIVIL_SERVANT_DAILY;
        if (!command.period().matches(daily ? "[0-9]{4}-Q[1-4]" : "[0-9]{4}")) {
            throw RuleViolation.invalid("INVALID_PERIOD", "The period of {0} is {1}", command.type().name(), daily ? "yyyy-Qn" : "yyyy");
        }
        if (Integer.parseInt(command.period().substring(0, 4)) > rules.today().getYear()) {
            throw RuleViolation.conflict("PERIOD_IN_FUTURE", "The period {0} lies in the future", command.period());
        }
        Member.notInFutureDate(command.date(), rules);
        String version = command.type() == AssessmentType.COMPREHENSIVE ? criteria.at(command.date()).version() : null;
        apply(new MemberAssessmentOpened(command.assessmentId(), command.memberId(), memberBranch, command.type(), command.period(), version,
                command.date()));
    }

    void score(ScoreAssessmentCommand command, AssessmentCriteria criteria) {
        inScope(command.scope());
        open();
        if (type != AssessmentType.COMPREHENSIVE) {
            throw RuleViolation.conflict("NOT_SCORED", "A {0} is not scored on criteria: it concludes with its grade", type.name());
        }
        AssessmentCriteria.Version version = criteria.named(criteriaVersion);
        Map<String, Integer> scores = command.scores() == null ? Map.of() : command.scores();
        if (!scores.keySet().equals(version.criteria().keySet())) {
            throw RuleViolation.invalid("CRITERIA_MISMATCH", "The scores are of the criteria {0} of version {1}, each once",
                    String.join(", ", version.criteria().keySet()), version.version());
        }
        int sum = 0;
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, AssessmentCriteria.Criterion> criterion : version.criteria().entrySet()) {
            Integer score = scores.get(criterion.getKey());
            if (score == null || score < 0 || score > criterion.getValue().max()) {
                throw RuleViolation.conflict("SCORE_OUT_OF_RANGE", "Criterion {0} is scored 0 to {1}", criterion.getKey(), criterion.getValue().max());
            }
            ordered.put(criterion.getKey(), score);
            sum += score;
        }
        apply(new MemberAssessmentScored(assessmentId, ordered, sum));
    }

    void conclude(ConcludeAssessmentCommand command, AssessmentCriteria criteria, MembershipRules rules) {
        inScope(command.scope());
        open();
        dated(command.date(), rules);
        String grade;
        Map<String, Integer> votes = null;
        switch (type) {
            case COMPREHENSIVE -> {
                if (!scored) {
                    throw RuleViolation.conflict("NOT_YET_SCORED", "Assessment {0} is concluded once scored: its grade follows from the total",
                            assessmentId);
                }
                grade = criteria.named(criteriaVersion).gradeOf(total);
                if (command.result() != null && !command.result().equals(grade)) {
                    throw RuleViolation.conflict("RESULT_NOT_THE_TOTALS", "A total of {0} is {1}, not {2}", total, grade, command.result());
                }
            }
            case DEMOCRATIC_EVALUATION -> {
                grade = grade(command.result(), PARTY_GRADES);
                Map<String, Integer> cast = command.votes() == null ? Map.of() : command.votes();
                if (!PARTY_GRADES.containsAll(cast.keySet()) || cast.values().stream().anyMatch(v -> v == null || v < 0)
                        || cast.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                    throw RuleViolation.invalid("INVALID_VOTES", "A democratic evaluation records the votes per grade ({0}): none negative, at "
                            + "least one cast", String.join(", ", PARTY_GRADES));
                }
                Map<String, Integer> ordered = new LinkedHashMap<>();
                PARTY_GRADES.forEach(g -> ordered.put(g, cast.getOrDefault(g, 0)));
                votes = ordered;
            }
            default -> grade = grade(command.result(), DAILY_GRADES);
        }
        apply(new MemberAssessmentConcluded(assessmentId, grade, votes, command.date(), MemberTexts.basis(command.basis())));
    }

    void correct(CorrectAssessmentCommand command, MembershipRules rules) {
        inScope(command.scope());
        if (result == null) {
            throw RuleViolation.conflict("NOT_CONCLUDED", "Assessment {0} is not concluded: it is scored or concluded, not corrected", assessmentId);
        }
        String grade = grade(command.result(), type == AssessmentType.CIVIL_SERVANT_DAILY ? DAILY_GRADES : PARTY_GRADES);
        if (grade.equals(result)) {
            throw RuleViolation.conflict("SAME_RESULT", "Assessment {0} is {1} already", assessmentId, result);
        }
        String reason = MemberTexts.basis(command.reason());
        if (reason == null) {
            throw RuleViolation.invalid("REASON_REQUIRED", "A correction names its reason");
        }
        dated(command.date(), rules);
        apply(new MemberAssessmentCorrected(assessmentId, result, grade, command.date(), reason));
    }

    private static String grade(String result, List<String> grades) {
        if (result == null || !grades.contains(result)) {
            throw RuleViolation.invalid("INVALID_RESULT", "The result is one of {0}", String.join(", ", grades));
        }
        return result;
    }

    private void inScope(BranchScope scope) {
        if (scope == null || !scope.covers(branchId)) {
            throw RuleViolation.notFound("ASSESSMENT_NOT_FOUND", "There is no assessment {0}", assessmentId);
        }
    }

    private void open() {
        if (result != null) {
            throw RuleViolation.conflict("ASSESSMENT_CLOSED", "Assessment {0} is concluded: a correction changes its result", assessmentId);
        }
    }

    private void dated(LocalDate date, MembershipRules rules) {
        Member.notInFutureDate(date, rules);
        if (date.isBefore(lastDate)) {
            throw RuleViolation.conflict("DATE_BEFORE_PREVIOUS_STEP", "The date {0} lies before the previous step''s date {1}", date.toString(),
                    lastDate.toString());
        }
    }

    @EventSourcingHandler
    void on(MemberAssessmentOpened event) {
        assessmentId = event.assessmentId();
        branchId = event.branchId();
        type = event.type();
        criteriaVersion = event.criteriaVersion();
        openedOn = event.date();
        lastDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberAssessmentScored event) {
        scored = true;
        total = event.total();
    }

    @EventSourcingHandler
    void on(MemberAssessmentConcluded event) {
        result = event.result();
        lastDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberAssessmentCorrected event) {
        result = event.result();
        lastDate = event.date();
    }
}
