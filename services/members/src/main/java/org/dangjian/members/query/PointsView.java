package org.dangjian.members.query;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's "五星十佳" points of a year ({@code GET /members/{id}/points}).
 *
 * @param balance      the sum of the year's entries
 * @param stars        the stars the balance earns (0 to 5) by {@code rulesVersion}'s thresholds
 * @param rulesVersion the version in effect at the year's end (today, for this year)
 * @param thresholds   that version's balance for each star
 * @param entries      the year's entries, oldest first
 */
public record PointsView(String memberId, String name, int year, int balance, int stars, String rulesVersion, List<Integer> thresholds,
                         List<Entry> entries) {

    /**
     * One ledger entry.
     *
     * @param title         the rule's name in Chinese
     * @param sourceEventId the CloudEvents id of the event that caused it, when one did
     */
    public record Entry(long sequence, LocalDate date, int points, String rule, String title, String rulesVersion, String reason,
                        String sourceEventId, String sourceType) {
    }
}
