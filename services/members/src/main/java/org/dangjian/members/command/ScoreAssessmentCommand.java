package org.dangjian.members.command;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 考核评分: the scores of every criterion of the comprehensive assessment's criteria set. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND")
public record ScoreAssessmentCommand(@TargetAggregateIdentifier String assessmentId, Map<String, Integer> scores, BranchScope scope) {
}
