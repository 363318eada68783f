package org.dangjian.members.command;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 党费交纳: the dues of {@code months} paid on {@code paidOn}, each month at the amount its base sets. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record PayDuesCommand(@TargetAggregateIdentifier MemberId memberId, List<YearMonth> months, LocalDate paidOn, String receipt,
                             BranchScope scope) {
}
