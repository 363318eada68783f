package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.AssessmentArea;
import org.dangjian.contracts.organisation.AssessmentCriteriaPublished;
import org.dangjian.contracts.organisation.AssessmentGrade;
import org.dangjian.contracts.organisation.ComplianceFact;
import org.dangjian.contracts.organisation.UnitAssessmentConcluded;
import org.dangjian.contracts.organisation.UnitAssessmentCorrected;
import org.dangjian.contracts.organisation.UnitAssessmentOpened;
import org.dangjian.contracts.organisation.UnitAssessmentScored;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.Inputs;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * An organisation unit's assessment (评定) for a year by a criteria set's version, copied into its first event: each
 * area scored once with evidence, a score changed only by a correction that names its reason and the event it
 * corrects, concluded with the total and the grade the version gives it once every area is scored. A correction after
 * the conclusion carries the new total and grade. Nothing is edited in place.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class UnitAssessment {

    @AggregateIdentifier
    private String assessmentId;
    private String unitId;
    private int year;
    private String criteriaCode;
    private int criteriaVersion;
    private Map<String, AssessmentArea> areas = new LinkedHashMap<>();
    private List<AssessmentGrade> grades = List.of();
    private Map<String, Integer> scores = new HashMap<>();
    private Map<String, Long> scoredBy = new HashMap<>();
    private boolean concluded;
    private LocalDate lastStep;

    protected UnitAssessment() {
        // for Axon
    }

    UnitAssessment(AssessmentCommands.OpenAssessment command, AssessmentCriteriaPublished criteria, BusinessCalendar calendar) {
        UnitFacts unit = command.unit().requireActive();
        if (!criteria.subjectKinds().contains(unit.kind().name())) {
            throw RuleViolation.conflict("UNIT_KIND_NOT_ASSESSED", "{0} assesses {1}, not a {2}", criteria.title(),
                    String.join(", ", criteria.subjectKinds()), unit.kind().name());
        }
        LocalDate openedOn = calendar.past("openedOn", command.openedOn());
        if (command.year() < 1921 || command.year() > openedOn.getYear()) {
            throw RuleViolation.invalid("INVALID_YEAR", "An assessment is of a year from 1921 to the year it is opened in ({0})",
                    String.valueOf(openedOn.getYear()));
        }
        apply(new UnitAssessmentOpened(command.assessmentId(), unit.unitId(), command.year(), criteria.criteriaId(), criteria.code(),
                criteria.version(), criteria.title(), criteria.areas(), criteria.grades(), openedOn,
                Inputs.list("assessors", command.assessors(), 1, 100)));
    }

    void score(AssessmentCommands.ScoreArea command, BusinessCalendar calendar) {
        requireOpen();
        AssessmentArea area = area(command.areaCode());
        if (scores.containsKey(area.code())) {
            throw RuleViolation.conflict("AREA_ALREADY_SCORED", "{0} is scored already: correct it with a reason instead", area.name());
        }
        int score = inRange(area, command.score());
        List<ComplianceFact> facts = AssessmentCriteria.COMPLIANCE_FACTS.equals(area.factsSource())
                ? command.facts() == null ? List.of() : List.copyOf(command.facts()) : null;
        apply(new UnitAssessmentScored(assessmentId, area.code(), score, area.maxScore(), calendar.step(command.date(), lastStep),
                Inputs.list("evidence", command.evidence(), 0, 200), Inputs.optional("note", command.note(), 2000), facts));
    }

    void correct(AssessmentCommands.CorrectScore command, BusinessCalendar calendar) {
        AssessmentArea area = area(command.areaCode());
        Integer previous = scores.get(area.code());
        if (previous == null) {
            throw RuleViolation.conflict("AREA_NOT_SCORED", "{0} is not scored yet: there is nothing to correct", area.name());
        }
        int score = inRange(area, command.score());
        if (score == previous) {
            throw RuleViolation.conflict("SCORE_UNCHANGED", "{0} has the score {1} already", area.name(), score);
        }
        String reason = Inputs.text("reason", command.reason(), 2000);
        Integer total = null;
        String grade = null;
        if (concluded) {
            total = total() - previous + score;
            grade = gradeOf(total).grade();
        }
        apply(new UnitAssessmentCorrected(assessmentId, area.code(), previous, score, scoredBy.get(area.code()),
                calendar.step(command.date(), lastStep), reason, Inputs.list("evidence", command.evidence(), 0, 200), total, grade));
    }

    void conclude(AssessmentCommands.ConcludeAssessment command, BusinessCalendar calendar) {
        requireOpen();
        List<String> missing = areas.values().stream().filter(a -> !scores.containsKey(a.code())).map(AssessmentArea::name).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.conflict("ASSESSMENT_INCOMPLETE", "Not every area is scored yet: {0}", String.join("、", missing));
        }
        int total = total();
        AssessmentGrade grade = gradeOf(total);
        apply(new UnitAssessmentConcluded(assessmentId, unitId, year, criteriaCode, criteriaVersion, calendar.step(command.date(), lastStep), total,
                areas.values().stream().mapToInt(AssessmentArea::maxScore).sum(), grade.grade(), grade.label(),
                Inputs.text("conclusion", command.conclusion(), 4000)));
    }

    private void requireOpen() {
        if (concluded) {
            throw RuleViolation.conflict("ASSESSMENT_ALREADY_CONCLUDED", "Assessment {0} is concluded: a score changes only by a correction",
                    assessmentId);
        }
    }

    private AssessmentArea area(String code) {
        AssessmentArea area = code == null ? null : areas.get(code);
        if (area == null) {
            throw RuleViolation.invalid("UNKNOWN_AREA", "{0} version {1} has no area {2}", criteriaCode, criteriaVersion, String.valueOf(code));
        }
        return area;
    }

    private static int inRange(AssessmentArea area, int score) {
        if (score < 0 || score > area.maxScore()) {
            throw RuleViolation.invalid("SCORE_OUT_OF_RANGE", "{0} is scored 0 to {1}, not {2}", area.name(), area.maxScore(), score);
        }
        return score;
    }

    private int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The highest grade whose minimum the total reaches (the lowest starts at 0). */
    private AssessmentGrade gradeOf(int total) {
        return grades.stream().filter(g -> total >= g.minScore()).findFirst().orElseThrow();
    }

    @EventSourcingHandler
    void on(UnitAssessmentOpened event) {
        assessmentId = event.assessmentId();
        unitId = event.unitId();
        year = event.year();
        criteriaCode = event.criteriaCode();
        criteriaVersion = event.criteriaVersion();
        event.areas().forEach(a -> areas.put(a.code(), a));
        grades = event.grades();
        lastStep = event.openedOn();
    }

    @EventSourcingHandler
    void on(UnitAssessmentScored event, @SequenceNumber long sequence) {
        scores.put(event.areaCode(), event.score());
        scoredBy.put(event.areaCode(), sequence);
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(UnitAssessmentCorrected event, @SequenceNumber long sequence) {
        scores.put(event.areaCode(), event.score());
        scoredBy.put(event.areaCode(), sequence);
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(UnitAssessmentConcluded event) {
        concluded = true;
        lastStep = event.concludedOn();
    }
}
