package org.dangjian.members.command;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 党费基数核定: from {@code fromMonth} on, the member's monthly dues are {@code base} × {@code rate}. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record SetDuesBaseCommand(@TargetAggregateIdentifier MemberId memberId, YearMonth fromMonth, BigDecimal base, BigDecimal rate, String basis,
                                 BranchScope scope) {
}
