package org.dangjian.members.command;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/**
 * 积分记录: points of the "五星十佳" ledger by a rule of the version in effect on {@code date}: {@code points} chosen
 * for a range rule (MERIT, DEMERIT), {@code hours} for a per-hour rule, neither for a fixed one. {@code sourceEventId}
 * and {@code sourceType} name the foreign event that caused it (null for an entry a person records); an event already
 * recorded changes nothing. {@code scope}: whose members the caller may touch.
 */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record RecordPointsCommand(@TargetAggregateIdentifier MemberId memberId, String rule, Integer points, BigDecimal hours, LocalDate date,
                                  String reason, String sourceEventId, String sourceType, BranchScope scope) {
}
