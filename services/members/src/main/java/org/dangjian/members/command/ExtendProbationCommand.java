package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 延长预备期: the committee extends a probation, once, by some months. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record ExtendProbationCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate date, int months, String basis, BranchScope scope) {
}
