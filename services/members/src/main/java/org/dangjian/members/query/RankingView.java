package org.dangjian.members.query;

import java.util.List;

/**
 * The "五星十佳" ranking of a year ({@code GET /points/ranking}): members by balance, highest first (then by name);
 * equal balances share a rank. {@code topTen}: ranked 1 to 10 (十佳) in the ranking asked for (a branch's or all).
 */
public record RankingView(int year, String branchId, long total, List<Ranked> items) {

    public record Ranked(int rank, String memberId, String name, String branchId, int balance, int stars, boolean topTen) {
    }
}
