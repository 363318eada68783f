package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 延长预备期: the party committee extended a probationary member's probation, once, by 6 to 12 months.
 *
 * @param memberId        the member record
 * @param date            the day the party committee approved the extension
 * @param months          by how many months (6 to 12)
 * @param probationEndsOn the probation's new end
 * @param decidingBody    always the party committee (党委)
 * @param basis           what it rests on, when given
 */
@EventType(name = "org.dangjian.members.MemberProbationExtended", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberProbationExtended(String memberId, LocalDate date, int months, LocalDate probationEndsOn, DecidingBody decidingBody,
                                      String basis) {
}
