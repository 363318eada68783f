package org.dangjian.contracts.members;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 党费基数核定: from a month on, a member's monthly dues are his monthly base (交纳党费基数, yuan) times his rate (e.g.
 * 0.005 for 0.5 %), rounded half up to the fen. A later base replaces it from its own month; months before it keep theirs.
 *
 * @param memberId   the member record's id (UUID)
 * @param fromMonth  the first month it applies to, {@code yyyy-MM}
 * @param base       the monthly base in yuan, two decimals at most, 0 or more
 * @param rate       the rate, a fraction: more than 0, at most 0.05
 * @param monthlyDues base × rate, rounded half up to two decimals (yuan)
 * @param basis      what it rests on (e.g. the payroll's reference), when given
 */
@EventType(name = "org.dangjian.members.MemberDuesBaseSet", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberDuesBaseSet(
        String memberId,
        String fromMonth,
        BigDecimal base,
        BigDecimal rate,
        BigDecimal monthlyDues,
        String basis) {
}
