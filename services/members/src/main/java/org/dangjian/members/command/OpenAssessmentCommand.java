package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.members.AssessmentType;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 考核开始: opens an assessment of a member of the caller's scope: a party member, once per type and period (its id follows from them: {@link MemberAssessmentId}). {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND", alreadyExists = "ASSESSMENT_ALREADY_EXISTS")
public record OpenAssessmentCommand(@TargetAggregateIdentifier String assessmentId, String memberId, AssessmentType type, String period, LocalDate date, BranchScope scope) {
}
