package org.dangjian.members.command;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 考核结论: the grade (from the total for a comprehensive assessment; given, with the vote, for a democratic evaluation; given for the daily assessment). {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND")
public record ConcludeAssessmentCommand(@TargetAggregateIdentifier String assessmentId, String result, Map<String, Integer> votes, LocalDate date, String basis, BranchScope scope) {
}
