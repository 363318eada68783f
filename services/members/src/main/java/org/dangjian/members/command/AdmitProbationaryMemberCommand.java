package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 接收为预备党员: the branch general meeting's admission with the committee's approval (党委审批). {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record AdmitProbationaryMemberCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate branchMeetingDate, LocalDate committeeApprovalDate,
        String basis, BranchScope scope) {
}
