package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 确定为入党积极分子: the branch committee designated an applicant an activist.
 *
 * @param memberId     the member record
 * @param date         the day the branch committee decided it
 * @param decidingBody always the branch committee (支部委员会)
 * @param basis        what it rests on (e.g. the committee meeting's minutes), when given
 */
@EventType(name = "org.dangjian.members.MemberDesignatedActivist", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberDesignatedActivist(String memberId, LocalDate date, DecidingBody decidingBody, String basis) {
}
