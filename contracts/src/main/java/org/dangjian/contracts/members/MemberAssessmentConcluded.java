package org.dangjian.contracts.members;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 考核结论: an assessment concluded with its result: for a comprehensive one the grade its total reaches
 * ({@code EXCELLENT} 优秀, {@code QUALIFIED} 合格, {@code BASICALLY_QUALIFIED} 基本合格, {@code UNQUALIFIED} 不合格); for a
 * democratic evaluation the grade the branch decided, with the vote; for the daily assessment {@code GOOD} 好,
 * {@code FAIRLY_GOOD} 较好, {@code AVERAGE} 一般 or {@code POOR} 较差.
 *
 * @param assessmentId the assessment's id (UUID)
 * @param result       the grade
 * @param votes        democratic evaluation only: the votes per grade
 * @param date         the day it was concluded
 * @param basis        what it rests on, when given
 */
@EventType(name = "org.dangjian.members.MemberAssessmentConcluded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberAssessmentConcluded(
        String assessmentId,
        String result,
        Map<String, Integer> votes,
        LocalDate date,
        String basis) {
}
