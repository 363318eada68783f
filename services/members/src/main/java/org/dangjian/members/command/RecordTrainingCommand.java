package org.dangjian.members.command;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 培训记录: a training the member took part in, with its hours. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record RecordTrainingCommand(@TargetAggregateIdentifier MemberId memberId, String course, String organiser, LocalDate endedOn, BigDecimal hours,
                                    BranchScope scope) {
}
