package org.dangjian.runtime.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar a service's records are kept by: today in the service's zone (Asia/Shanghai by default); what happened
 * lies in the past or today, a plan or a deadline anywhere; a record's steps never go back in time.
 *
 * @param zone  the zone a day is counted in
 * @param clock the platform's clock
 */
public record BusinessCalendar(ZoneId zone, Clock clock) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public static BusinessCalendar defaults(Clock clock) {
        return new BusinessCalendar(DEFAULT_ZONE, clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A day something happened: given, and not after today ({@code DATE_IN_FUTURE}). */
    public LocalDate past(String field, LocalDate day) {
        Inputs.day(field, day);
        LocalDate today = today();
        if (day.isAfter(today)) {
            throw RuleViolation.conflict("DATE_IN_FUTURE", "The date {0} lies in the future (today is {1})", day.toString(), today.toString());
        }
        return day;
    }

    /** A step's day: given, not in the future, and not before the record's previous step ({@code previous}, null for none). */
    public LocalDate step(LocalDate date, LocalDate previous) {
        return notBefore(past("date", date), previous);
    }

    /** A step's day, not before the record's previous step ({@code previous}, null for none; {@code DATE_BEFORE_PREVIOUS_STEP}). */
    public static LocalDate notBefore(LocalDate date, LocalDate previous) {
        if (previous != null && date.isBefore(previous)) {
            throw RuleViolation.conflict("DATE_BEFORE_PREVIOUS_STEP", "The date {0} lies before the previous step's date {1}", date.toString(),
                    previous.toString());
        }
        return date;
    }
}
