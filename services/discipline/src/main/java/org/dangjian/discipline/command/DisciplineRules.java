package org.dangjian.discipline.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.dangjian.runtime.domain.RuleViolation;

/**
 * The calendar and the text rules the discipline records are kept by: today in the service's zone (Asia/Shanghai by
 * default); what happened lies in the past or today, a plan or a deadline anywhere. Texts are stripped and bounded;
 * lists of names and evidence references are bounded, each once.
 */
public record DisciplineRules(ZoneId zone, Clock clock) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_LIST = 20;

    public static DisciplineRules defaults(Clock clock) {
        return new DisciplineRules(DEFAULT_ZONE, clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A day something happened: given, and not after today. */
    LocalDate past(String field, LocalDate day) {
        if (day == null) {
            throw invalid(field);
        }
        LocalDate today = today();
        if (day.isAfter(today)) {
            throw RuleViolation.conflict("DATE_IN_FUTURE", "The date {0} lies in the future (today is {1})", day.toString(), today.toString());
        }
        return day;
    }

    /** A step's day: given, not in the future, and not before the record's previous step ({@code previous}, null for none). */
    LocalDate step(LocalDate date, LocalDate previous) {
        return notBefore(past("date", date), previous);
    }

    /** A step's day, not before the record's previous step ({@code previous}, null for none). */
    static LocalDate notBefore(LocalDate date, LocalDate previous) {
        if (previous != null && date.isBefore(previous)) {
            throw RuleViolation.conflict("DATE_BEFORE_PREVIOUS_STEP", "The date {0} lies before the previous step''s date {1}", date.toString(),
                    previous.toString());
        }
        return date;
    }

    /** A day that must be given (a plan, a deadline). */
    static LocalDate day(String field, LocalDate day) {
        if (day == null) {
            throw invalid(field);
        }
        return day;
    }

    /** A required text: stripped, 1 to {@code max} characters. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().codePointCount(0, value.strip().length()) > max) {
            throw invalid(field);
        }
        return value.strip();
    }

    /** An optional text: null when absent or blank, else as {@link #text}. */
    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /** A list of short texts (names, evidence references): each stripped and once, at most 20, at least {@code min}. */
    static List<String> list(String field, List<String> values, int min, int maxLength) {
        List<String> kept = new ArrayList<>();
        if (values != null) {
            HashSet<String> seen = new HashSet<>();
            for (String value : values) {
                String text = text(field + "[]", value, maxLength);
                if (!seen.add(text)) {
                    throw RuleViolation.invalid("DUPLICATE_ENTRY", "{0} names {1} twice", field, text);
                }
                kept.add(text);
            }
        }
        if (kept.size() < min || kept.size() > MAX_LIST) {
            throw RuleViolation.invalid("INVALID_LIST", "{0} holds {1} to {2} entries", field, String.valueOf(min), String.valueOf(MAX_LIST));
        }
        return kept;
    }

    static RuleViolation invalid(String field) {
        return RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", field);
    }
}
