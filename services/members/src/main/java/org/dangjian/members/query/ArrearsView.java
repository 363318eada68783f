package org.dangjian.members.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * Members in arrears ({@code GET /dues/arrears}): every month before the current one, since their first base, whose
 * dues are unpaid; the largest amount first.
 */
public record ArrearsView(String branchId, long total, BigDecimal amount, List<Item> items) {

    public record Item(String memberId, String name, String branchId, List<String> months, BigDecimal amount) {
    }
}
