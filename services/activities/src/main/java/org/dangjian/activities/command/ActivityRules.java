package org.dangjian.activities.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.dangjian.runtime.domain.RuleViolation;

/**
 * The calendar the activities are recorded in: today in the service's zone (Asia/Shanghai by default). What was held
 * or served lies in the past or today; a plan may lie anywhere.
 */
public record ActivityRules(ZoneId zone, Clock clock) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public static ActivityRules defaults(Clock clock) {
        return new ActivityRules(DEFAULT_ZONE, clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A day something happened: not after today. */
    LocalDate past(LocalDate day) {
        if (day == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "date");
        }
        LocalDate today = today();
        if (day.isAfter(today)) {
            throw RuleViolation.conflict("DATE_IN_FUTURE", "The date {0} lies in the future (today is {1})", day.toString(), today.toString());
        }
        return day;
    }
}
