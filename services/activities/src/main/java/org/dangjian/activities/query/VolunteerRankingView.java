package org.dangjian.activities.query;

import java.math.BigDecimal;
import java.util.List;

/** The volunteer hours ranking of a year (志愿服务时长排行): most hours first, equal hours sharing a rank. */
public record VolunteerRankingView(int year, String branchId, long total, List<Item> items) {

    public record Item(int rank, String memberId, String name, String branchId, String branchName, BigDecimal hours, int services) {
    }
}
