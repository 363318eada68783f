package org.dangjian.activities.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dangjian.runtime.domain.RuleViolation;

/**
 * A period of "三会一课" compliance: a month ({@code yyyy-MM}), a quarter ({@code yyyy-Qn}) or a year ({@code yyyy}),
 * as calendar days in the centre's time zone. It runs from its first day ({@code start}) to its last day; its
 * {@linkplain #end() end} is the first day of the next period, at 00:00 in the zone.
 *
 * @param frequency month, quarter or year
 * @param start     the period's first day (the first of a month, of a quarter's first month, or of January)
 */
public record CompliancePeriod(Frequency frequency, LocalDate start) implements Comparable<CompliancePeriod> {

    /** What the API and the events accept as a period: a year of 2000 to 2999, with a month or a quarter or alone. */
    public static final String PATTERN = "2[0-9]{3}(-(0[1-9]|1[0-2])|-Q[1-4])?";
    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?");

    public CompliancePeriod {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(start, "start");
        if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % frequency.months() != 0) {
            throw new IllegalArgumentException(start + " is not the first day of a " + frequency.name().toLowerCase(java.util.Locale.ROOT) + " period");
        }
    }

    /** The period a text names; 400 {@code INVALID_PERIOD} when it names none. */
    public static CompliancePeriod parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw RuleViolation.invalid("INVALID_PERIOD", "{0} is not a period: a month yyyy-MM, a quarter yyyy-Qn or a year yyyy",
                    String.valueOf(text));
        }
        int year = Integer.parseInt(matcher.group(1));
        if (matcher.group(2) != null) {
            return new CompliancePeriod(Frequency.MONTHLY, LocalDate.of(year, Integer.parseInt(matcher.group(2)), 1));
        }
        if (matcher.group(3) != null) {
            return new CompliancePeriod(Frequency.QUARTERLY, LocalDate.of(year, (Integer.parseInt(matcher.group(3)) - 1) * 3 + 1, 1));
        }
        return new CompliancePeriod(Frequency.YEARLY, LocalDate.of(year, 1, 1));
    }

    /** The period of this frequency that contains the day. */
    public static CompliancePeriod containing(Frequency frequency, LocalDate day) {
        int month = (day.getMonthValue() - 1) / frequency.months() * frequency.months() + 1;
        return new CompliancePeriod(frequency, LocalDate.of(day.getYear(), month, 1));
    }

    /** The first period of this frequency that starts on the day or after it. */
    public static CompliancePeriod startingOnOrAfter(Frequency frequency, LocalDate day) {
        CompliancePeriod containing = containing(frequency, day);
        return containing.start().equals(day) ? containing : containing.next();
    }

    /** The first day of the next period (the end, exclusive). */
    public LocalDate end() {
        return start.plusMonths(frequency.months());
    }

    /** The period's last day. */
    public LocalDate lastDay() {
        return end().minusDays(1);
    }

    /** The moment the period ends: its next period's first day at 00:00 in the zone. */
    public Instant endsAt(ZoneId zone) {
        return end().atStartOfDay(zone).toInstant();
    }

    public CompliancePeriod next() {
        return new CompliancePeriod(frequency, end());
    }

    public CompliancePeriod previous() {
        return new CompliancePeriod(frequency, start.minusMonths(frequency.months()));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end());
    }

    /** Whether the period is over on this day (today lies after its last day). */
    public boolean endedBy(LocalDate today) {
        return !today.isBefore(end());
    }

    /**
     * The days left until the period's end, today included: 1 on its last day, 0 once it has ended; for a period not
     * yet begun, all of its days and those before it.
     */
    public int daysLeft(LocalDate today) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(today, end()));
    }

    /** {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}. */
    public String label() {
        return switch (frequency) {
            case MONTHLY -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTERLY -> String.format("%04d-Q%d", start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
            case YEARLY -> String.format("%04d", start.getYear());
        };
    }

    @Override
    public String toString() {
        return label();
    }

    @Override
    public int compareTo(CompliancePeriod other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : Integer.compare(frequency.months(), other.frequency.months());
    }
}
