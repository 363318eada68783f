package org.dangjian.discipline.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.Inputs;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * The calendar and the text rules the discipline records are kept by: the runtime's {@link BusinessCalendar} in the
 * service's zone (Asia/Shanghai by default) and {@link Inputs}.
 */
public record DisciplineRules(ZoneId zone, Clock clock) {

    public static final ZoneId DEFAULT_ZONE = BusinessCalendar.DEFAULT_ZONE;

    public static DisciplineRules defaults(Clock clock) {
        return new DisciplineRules(DEFAULT_ZONE, clock);
    }

    private BusinessCalendar calendar() {
        return new BusinessCalendar(zone, clock);
    }

    public LocalDate today() {
        return calendar().today();
    }

    LocalDate past(String field, LocalDate day) {
        return calendar().past(field, day);
    }

    LocalDate step(LocalDate date, LocalDate previous) {
        return calendar().step(date, previous);
    }

    static LocalDate notBefore(LocalDate date, LocalDate previous) {
        return BusinessCalendar.notBefore(date, previous);
    }

    static LocalDate day(String field, LocalDate day) {
        return Inputs.day(field, day);
    }

    static String text(String field, String value, int max) {
        return Inputs.text(field, value, max);
    }

    static String optional(String field, String value, int max) {
        return Inputs.optional(field, value, max);
    }

    static List<String> list(String field, List<String> values, int min, int maxLength) {
        return Inputs.list(field, values, min, maxLength);
    }

    static RuleViolation invalid(String field) {
        return Inputs.invalid(field);
    }
}
