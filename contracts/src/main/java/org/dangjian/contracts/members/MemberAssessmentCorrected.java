package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 考核更正: a concluded assessment's result was corrected; the earlier events stay as they were, and this one names the
 * correction's reason.
 *
 * @param assessmentId   the assessment's id (UUID)
 * @param previousResult the result it corrects
 * @param result         the corrected result
 * @param date           the day of the correction
 * @param reason         why (required)
 */
@EventType(name = "org.dangjian.members.MemberAssessmentCorrected", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberAssessmentCorrected(
        String assessmentId,
        String previousResult,
        String result,
        LocalDate date,
        String reason) {
}
