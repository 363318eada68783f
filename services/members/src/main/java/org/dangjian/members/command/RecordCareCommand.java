package org.dangjian.members.command;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.members.CareKind;
import org.dangjian.contracts.members.CareReason;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 党内关怀: a visit to or support of the member, by whom, of what value, with notes. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record RecordCareCommand(@TargetAggregateIdentifier MemberId memberId, CareKind kind, CareReason reason, LocalDate date, String visitors,
                                BigDecimal amount, String notes, BranchScope scope) {
}
