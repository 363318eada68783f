package org.dangjian.activities.command;

import java.time.LocalDate;

/**
 * How a branch stands with one kind of "三会一课" in one period: met (已落实); open (进行中: the period runs, not met
 * yet); closing (即将到期: not met, and the period ends within the rules' {@code warnDaysBefore} days); overdue (逾期:
 * the period has ended and it was not met).
 */
public enum ComplianceState {
    MET,
    OPEN,
    CLOSING,
    OVERDUE;

    /**
     * The state on {@code today}: met once {@code held} reaches {@code required}; otherwise overdue once the period has
     * ended, closing while at most {@code warnDaysBefore} days are left (today included: the last day is 1 day left, so
     * with 7 a 30-day month is closing from its 24th), else open.
     */
    public static ComplianceState of(int held, int required, CompliancePeriod period, LocalDate today, int warnDaysBefore) {
        if (held >= required) {
            return MET;
        }
        if (period.endedBy(today)) {
            return OVERDUE;
        }
        return period.daysLeft(today) <= warnDaysBefore ? CLOSING : OPEN;
    }
}
