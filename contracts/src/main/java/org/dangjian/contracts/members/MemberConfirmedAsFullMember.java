package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 转为正式党员: once the probation (with any extension) had ended, the branch general meeting resolved to confirm the
 * probationary member as a full member and the party committee approved it.
 *
 * @param memberId              the member record
 * @param branchMeetingDate     the day the branch general meeting (支部党员大会) resolved it; not before the probation's end
 * @param committeeApprovalDate the day the party committee approved it (党委审批); not before the meeting
 * @param basis                 what it rests on, when given
 */
@EventType(name = "org.dangjian.members.MemberConfirmedAsFullMember", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberConfirmedAsFullMember(String memberId, LocalDate branchMeetingDate, LocalDate committeeApprovalDate, String basis) {
}
