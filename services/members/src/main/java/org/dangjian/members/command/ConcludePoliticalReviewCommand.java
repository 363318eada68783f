package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 政治审查: record the conclusion of a development object's political review. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record ConcludePoliticalReviewCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate date, PoliticalReviewConclusion conclusion, String basis,
        BranchScope scope) {
}
