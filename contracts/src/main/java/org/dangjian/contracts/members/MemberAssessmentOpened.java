package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 考核开始: an assessment of a member was opened (its own record: subject is the assessment's id).
 *
 * @param assessmentId    the assessment's id (UUID)
 * @param memberId        the member assessed
 * @param branchId        his branch when it was opened
 * @param type            comprehensive, democratic evaluation or civil-servant daily assessment
 * @param period          {@code yyyy} for the yearly ones, {@code yyyy-Qn} for the daily assessment
 * @param criteriaVersion the criteria set's version (comprehensive only)
 * @param date            the day it was opened
 */
@EventType(name = "org.dangjian.members.MemberAssessmentOpened", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberAssessmentOpened(
        String assessmentId,
        String memberId,
        String branchId,
        AssessmentType type,
        String period,
        String criteriaVersion,
        LocalDate date) {
}
