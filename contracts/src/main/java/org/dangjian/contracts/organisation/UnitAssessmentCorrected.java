package org.dangjian.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 更正评分: an area's score corrected with a reason; it points at the event it corrects. After the conclusion it carries the new total and grade.
 *
 * @param assessmentId the assessment
 * @param areaCode the area
 * @param previousScore the score it had
 * @param score the score it has now
 * @param correctsSequence the sequence of the event that set the previous score
 * @param date the day
 * @param reason why
 * @param evidence evidence references
 * @param total the new total, when the assessment was concluded
 * @param grade the new grade, when the assessment was concluded
 */
@EventType(name = "org.dangjian.organisation.UnitAssessmentCorrected", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitAssessmentCorrected(
        String assessmentId,
        String areaCode,
        int previousScore,
        int score,
        long correctsSequence,
        LocalDate date,
        String reason,
        List<String> evidence,
        Integer total,
        String grade) {
}
