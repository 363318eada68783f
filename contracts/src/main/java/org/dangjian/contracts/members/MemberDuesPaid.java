package org.dangjian.contracts.members;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 党费交纳: a member paid his dues of one month, the amount his base set for that month (one event per month; a
 * payment of several months is several events of one command).
 *
 * @param memberId the member record's id (UUID)
 * @param month    the month paid for, {@code yyyy-MM}
 * @param amount   yuan, two decimals
 * @param paidOn   the day it was paid
 * @param receipt  the receipt's reference, when given
 */
@EventType(name = "org.dangjian.members.MemberDuesPaid", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberDuesPaid(
        String memberId,
        String month,
        BigDecimal amount,
        LocalDate paidOn,
        String receipt) {
}
