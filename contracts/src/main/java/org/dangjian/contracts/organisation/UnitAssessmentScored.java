package org.dangjian.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 评分: an area scored, with evidence; for an area whose facts the platform supplies, the facts it was scored on.
 *
 * @param assessmentId the assessment
 * @param areaCode the area
 * @param score 0 to maxScore
 * @param maxScore the area's maximum in the version used
 * @param date the day
 * @param evidence evidence references
 * @param note a remark, when given
 * @param facts the published "三会一课" compliance of the unit in the year (for an area with factsSource activities.compliance)
 */
@EventType(name = "org.dangjian.organisation.UnitAssessmentScored", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitAssessmentScored(
        String assessmentId,
        String areaCode,
        int score,
        int maxScore,
        LocalDate date,
        List<String> evidence,
        String note,
        List<ComplianceFact> facts) {
}
