package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 组织关系转出: the member's branch issues the letter that transfers him to another branch on the platform ({@code toBranchId}) or to an organisation outside it ({@code toOrganisation}), exactly one of the two. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record InitiateTransferCommand(@TargetAggregateIdentifier MemberId memberId, String toBranchId, String toOrganisation, LocalDate date, String basis, BranchScope scope) {
}
