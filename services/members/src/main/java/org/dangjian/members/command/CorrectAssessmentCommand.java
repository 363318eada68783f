package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 考核更正: a concluded assessment's result corrected, with the reason. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "ASSESSMENT_NOT_FOUND")
public record CorrectAssessmentCommand(@TargetAggregateIdentifier String assessmentId, String result, LocalDate date, String reason, BranchScope scope) {
}
