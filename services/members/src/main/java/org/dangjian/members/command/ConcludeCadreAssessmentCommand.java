package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.members.CadreAssessmentResult;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 政治建设考察结论: the party committee concludes assessment number {@code assessment} with its result. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record ConcludeCadreAssessmentCommand(@TargetAggregateIdentifier MemberId memberId, int assessment, CadreAssessmentResult result, LocalDate date,
                                             String basis, BranchScope scope) {
}
