package org.dangjian.members.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * A month's dues of one branch, or of every member the caller sees ({@code GET /dues/summary}), amounts in yuan.
 *
 * @param members the members with dues that month (a base in effect)
 * @param unpaid  those who have not paid it, by name
 */
public record DuesSummaryView(String month, String branchId, long members, BigDecimal due, long paidCount, BigDecimal paid,
                              List<Unpaid> unpaid) {

    public record Unpaid(String memberId, String name, String branchId, BigDecimal due) {
    }
}
