package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 回执确认: the branch the member left confirms that the receipt of transfer number {@code transfer} came back, closing it. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record ConfirmTransferCommand(@TargetAggregateIdentifier MemberId memberId, int transfer, LocalDate date, String basis, BranchScope scope) {
}
