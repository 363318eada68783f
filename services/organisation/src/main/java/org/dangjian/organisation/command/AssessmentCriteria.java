package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.AssessmentArea;
import org.dangjian.contracts.organisation.AssessmentCriteriaPublished;
import org.dangjian.contracts.organisation.AssessmentGrade;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.domain.Inputs;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A criteria set (考核标准) for assessing organisation units, as versioned data: each publication is the next version
 * on the set's stream, and an assessment copies the version it opens on. A version has 1 to 20 areas with distinct
 * codes and maxima of 1 to 1000, and 1 to 10 grades with distinct codes and minimum totals, the lowest starting at 0,
 * none above the sum of the maxima; publishing the latest version's content again is refused.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class AssessmentCriteria {

    static final Pattern SET_CODE = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    static final Pattern AREA_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");
    static final String COMPLIANCE_FACTS = "activities.compliance";
    static final int MAX_AREAS = 20;
    static final int MAX_GRADES = 10;

    @AggregateIdentifier
    private String criteriaId;
    private int version;
    private AssessmentCriteriaPublished latest;

    protected AssessmentCriteria() {
        // for Axon
    }

    AssessmentCriteria(AssessmentCommands.PublishCriteria command) {
        publish(command);
    }

    void publish(AssessmentCommands.PublishCriteria command) {
        if (command.code() == null || !SET_CODE.matcher(command.code()).matches()) {
            throw Inputs.invalid("code");
        }
        String title = Inputs.text("title", command.title(), 100);
        List<String> kinds = subjectKinds(command.subjectKinds());
        List<AssessmentArea> areas = areas(command.areas());
        List<AssessmentGrade> grades = grades(command.grades(), areas.stream().mapToInt(AssessmentArea::maxScore).sum());
        if (latest != null && latest.title().equals(title) && latest.subjectKinds().equals(kinds) && latest.areas().equals(areas)
                && latest.grades().equals(grades)) {
            throw RuleViolation.conflict("CRITERIA_UNCHANGED", "Version {0} of {1} has this content already", latest.version(), command.code());
        }
        apply(new AssessmentCriteriaPublished(command.criteriaId(), command.code(), version + 1, title, kinds, areas, grades,
                Inputs.optional("reason", command.reason(), 500)));
    }

    /** The latest version, as an assessment copies it. */
    AssessmentCriteriaPublished latest() {
        return latest;
    }

    private static List<String> subjectKinds(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw invalid("subjectKinds names at least one kind of organisation unit");
        }
        Set<String> known = new HashSet<>();
        for (OrganisationUnitKind kind : OrganisationUnitKind.values()) {
            known.add(kind.name());
        }
        if (!known.containsAll(given) || new HashSet<>(given).size() != given.size()) {
            throw invalid("subjectKinds names kinds of organisation unit, each once");
        }
        return List.copyOf(given);
    }

    private static List<AssessmentArea> areas(List<AssessmentArea> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_AREAS) {
            throw invalid("a set has 1 to 20 areas");
        }
        Set<String> codes = new HashSet<>();
        for (AssessmentArea area : given) {
            if (area == null || area.code() == null || !AREA_CODE.matcher(area.code()).matches() || !codes.add(area.code())) {
                throw invalid("each area has its own code of capital letters, digits and _");
            }
            if (area.maxScore() < 1 || area.maxScore() > 1000) {
                throw invalid("an area's maxScore is 1 to 1000");
            }
            if (area.factsSource() != null && !COMPLIANCE_FACTS.equals(area.factsSource())) {
                throw invalid("factsSource is activities.compliance or absent");
            }
            Inputs.text("areas[].name", area.name(), 100);
            Inputs.optional("areas[].description", area.description(), 1000);
        }
        return given.stream().map(a -> new AssessmentArea(a.code(), a.name().strip(), a.maxScore(),
                a.description() == null || a.description().isBlank() ? null : a.description().strip(), a.factsSource())).toList();
    }

    private static List<AssessmentGrade> grades(List<AssessmentGrade> given, int maxTotal) {
        if (given == null || given.isEmpty() || given.size() > MAX_GRADES) {
            throw invalid("a set has 1 to 10 grades");
        }
        Set<String> codes = new HashSet<>();
        Set<Integer> minima = new HashSet<>();
        for (AssessmentGrade grade : given) {
            if (grade == null || grade.grade() == null || !AREA_CODE.matcher(grade.grade()).matches() || !codes.add(grade.grade())
                    || !minima.add(grade.minScore())) {
                throw invalid("each grade has its own code and its own minScore");
            }
            if (grade.minScore() < 0 || grade.minScore() > maxTotal) {
                throw invalid("a grade's minScore is 0 to the sum of the areas' maxima (" + maxTotal + ")");
            }
            Inputs.text("grades[].label", grade.label(), 50);
        }
        if (!minima.contains(0)) {
            throw invalid("the lowest grade starts at 0, so that every total has a grade");
        }
        return given.stream().map(g -> new AssessmentGrade(g.grade(), g.label().strip(), g.minScore()))
                .sorted(Comparator.comparingInt(AssessmentGrade::minScore).reversed()).toList();
    }

    private static RuleViolation invalid(String what) {
        return RuleViolation.invalid("INVALID_CRITERIA", "The criteria are not valid: {0}", what);
    }

    @EventSourcingHandler
    void on(AssessmentCriteriaPublished event) {
        criteriaId = event.criteriaId();
        version = event.version();
        latest = event;
    }
}
