package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 组织关系接收: the receiving branch records the receipt of transfer number {@code transfer}; the member belongs to it from then on. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record ReceiveTransferCommand(@TargetAggregateIdentifier MemberId memberId, int transfer, LocalDate date, String basis, BranchScope scope) {
}
