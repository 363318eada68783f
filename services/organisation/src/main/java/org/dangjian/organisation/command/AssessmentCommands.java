package org.dangjian.organisation.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.organisation.AssessmentArea;
import org.dangjian.contracts.organisation.AssessmentGrade;
import org.dangjian.contracts.organisation.ComplianceFact;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of assessment criteria (考核标准) and of units' assessments by them (五化, 五力, 五好班子, 五好团队). */
public final class AssessmentCommands {

    private AssessmentCommands() {
    }

    /** A criteria set's id: the name-based UUID (version 3) of {@code criteria|<code>} in UTF-8. */
    public static String criteriaIdOf(String code) {
        return UUID.nameUUIDFromBytes(("criteria|" + code).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An assessment's id: the name-based UUID of {@code assessment|<code>|<unitId>|<year>}. */
    public static String assessmentIdOf(String code, String unitId, int year) {
        return UUID.nameUUIDFromBytes(("assessment|" + code + "|" + unitId + "|" + year).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * 发布考核标准: the next version of a criteria set; {@code firstVersion} when the store holds no version of it yet (two
     * first publications at the same moment: the second is {@code CRITERIA_PUBLISHED_MEANWHILE}, to be sent again).
     */
    @AggregateCodes(notFound = "CRITERIA_NOT_FOUND", alreadyExists = "CRITERIA_PUBLISHED_MEANWHILE")
    public record PublishCriteria(@TargetAggregateIdentifier String criteriaId, String code, String title, List<String> subjectKinds,
                                  List<AssessmentArea> areas, List<AssessmentGrade> grades, String reason, boolean firstVersion) {
    }

    /** 开始评定: a unit's assessment for a year, on the set's latest version. */
    @AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND", alreadyExists = "ASSESSMENT_ALREADY_EXISTS")
    public record OpenAssessment(@TargetAggregateIdentifier String assessmentId, UnitFacts unit, int year, String criteriaCode, LocalDate openedOn,
                                 List<String> assessors) {
    }

    /** 评分: an area scored; {@code facts} the platform's facts for an area that takes them. */
    @AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND")
    public record ScoreArea(@TargetAggregateIdentifier String assessmentId, String areaCode, int score, LocalDate date, List<String> evidence,
                            String note, List<ComplianceFact> facts) {
    }

    /** 更正评分: a score corrected, with the reason. */
    @AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND")
    public record CorrectScore(@TargetAggregateIdentifier String assessmentId, String areaCode, int score, LocalDate date, String reason,
                               List<String> evidence) {
    }

    /** 评定结论: the assessment concluded. */
    @AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND")
    public record ConcludeAssessment(@TargetAggregateIdentifier String assessmentId, LocalDate date, String conclusion) {
    }
}
