package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 取消预备党员资格: the committee cancels a probationary membership. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record CancelProbationCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate date, String basis, BranchScope scope) {
}
