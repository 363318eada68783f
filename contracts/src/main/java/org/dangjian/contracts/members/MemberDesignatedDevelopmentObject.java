package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 确定为发展对象: the branch committee designated an activist a development object, after the activist period.
 *
 * @param memberId     the member record
 * @param date         the day the branch committee decided it
 * @param decidingBody always the branch committee (支部委员会)
 * @param basis        what it rests on (opinions heard, training completed), when given
 */
@EventType(name = "org.dangjian.members.MemberDesignatedDevelopmentObject", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberDesignatedDevelopmentObject(String memberId, LocalDate date, DecidingBody decidingBody, String basis) {
}
