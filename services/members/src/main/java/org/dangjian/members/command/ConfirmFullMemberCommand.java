package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 转为正式党员: the branch general meeting's resolution with the committee's approval, once the probation has ended. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record ConfirmFullMemberCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate branchMeetingDate, LocalDate committeeApprovalDate,
        String basis, BranchScope scope) {
}
