package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.members.TransferCancellation;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 撤回 / 退回: transfer number {@code transfer}, still in transit, is withdrawn by the sending branch or returned by the receiving one. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record CancelTransferCommand(@TargetAggregateIdentifier MemberId memberId, int transfer, TransferCancellation cancellation, LocalDate date, String reason, BranchScope scope) {
}
