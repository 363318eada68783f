package org.dangjian.activities.command;

/** How often a kind of "三会一课" must be held: per month, per quarter or per year (in the centre's time zone). */
public enum Frequency {
    /** 每月: periods {@code yyyy-MM}. */
    MONTHLY(1),
    /** 每季度: periods {@code yyyy-Qn}. */
    QUARTERLY(3),
    /** 每年: periods {@code yyyy}. */
    YEARLY(12);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    /** How many months one period lasts. */
    public int months() {
        return months;
    }
}
