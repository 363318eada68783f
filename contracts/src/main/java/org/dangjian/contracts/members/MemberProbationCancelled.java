package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 取消预备党员资格: the party committee cancelled a probationary member's probationary membership. The record ends
 * here; it stays, like every record, with its whole history.
 *
 * @param memberId     the member record
 * @param date         the day the party committee approved the cancellation
 * @param decidingBody always the party committee (党委)
 * @param basis        what it rests on, when given
 */
@EventType(name = "org.dangjian.members.MemberProbationCancelled", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberProbationCancelled(String memberId, LocalDate date, DecidingBody decidingBody, String basis) {
}
