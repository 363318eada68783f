package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 党务干部任前资格认证: the party committee certifies the member on his training hours of the twelve months before. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record QualifyPartyAffairsCadreCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate date, String basis, BranchScope scope) {
}
