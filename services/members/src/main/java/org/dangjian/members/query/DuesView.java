package org.dangjian.members.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member's party dues of a year ({@code GET /members/{id}/dues}), amounts in yuan.
 *
 * @param months        the year's twelve months: what was due (null before any base) and what was paid
 * @param arrearsMonths every month before the current one, since his first base, whose dues are unpaid (any year)
 * @param arrears       their sum
 * @param base          the base in effect this month, with its rate and monthly dues; null when none is set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuesView(String memberId, String name, int year, List<Month> months, BigDecimal dueTotal, BigDecimal paidTotal,
                       List<String> arrearsMonths, BigDecimal arrears, Base base) {

    /** One month: {@code month} as {@code yyyy-MM}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Month(String month, BigDecimal due, BigDecimal paid, LocalDate paidOn, String receipt) {
    }

    /** A base in effect from {@code fromMonth}. */
    public record Base(String fromMonth, BigDecimal base, BigDecimal rate, BigDecimal monthlyDues) {
    }
}
