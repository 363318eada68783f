package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 接收为预备党员: the branch general meeting admitted a development object as a probationary member and the party
 * committee approved it. The probation runs from the branch meeting's day.
 *
 * @param memberId              the member record
 * @param branchMeetingDate     the day the branch general meeting (支部党员大会) resolved it
 * @param committeeApprovalDate the day the party committee approved it (党委审批); not before the meeting
 * @param probationEndsOn       the day the probation ends (the meeting's day plus the probation period, one year)
 * @param basis                 what it rests on (the meeting's resolution, the approval's reference), when given
 */
@EventType(name = "org.dangjian.members.MemberAdmittedAsProbationary", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberAdmittedAsProbationary(String memberId, LocalDate branchMeetingDate, LocalDate committeeApprovalDate,
                                           LocalDate probationEndsOn, String basis) {
}
