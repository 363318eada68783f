package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 评定结论: the assessment concluded: the total of its areas and the grade it reached by the criteria version used.
 *
 * @param assessmentId the assessment
 * @param unitId the unit
 * @param year the year
 * @param criteriaCode the set
 * @param criteriaVersion the version
 * @param concludedOn the day
 * @param total the sum of the areas' scores
 * @param maxTotal the sum of their maxima
 * @param grade the grade reached
 * @param gradeLabel its name
 * @param conclusion the assessors' conclusion
 */
@EventType(name = "org.dangjian.organisation.UnitAssessmentConcluded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitAssessmentConcluded(
        String assessmentId,
        String unitId,
        int year,
        String criteriaCode,
        int criteriaVersion,
        LocalDate concludedOn,
        int total,
        int maxTotal,
        String grade,
        String gradeLabel,
        String conclusion) {
}
