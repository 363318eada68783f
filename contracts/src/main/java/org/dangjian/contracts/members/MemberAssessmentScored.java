package org.dangjian.contracts.members;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 考核评分: the scores of a comprehensive assessment, per criterion of its criteria set (all of them; a later scoring
 * replaces an earlier one until the assessment is concluded).
 *
 * @param assessmentId the assessment's id (UUID)
 * @param scores       the score of each criterion, 0 to the criterion's maximum
 * @param total        their sum
 */
@EventType(name = "org.dangjian.members.MemberAssessmentScored", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberAssessmentScored(
        String assessmentId,
        Map<String, Integer> scores,
        int total) {
}
