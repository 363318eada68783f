package org.dangjian.activities.command;

import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.text.TextRules;

/**
 * The text rules of activities, kept by the aggregates whichever way a command came (the web layer checks them first,
 * with field-level messages): the platform's text rules ({@link TextRules}), lengths in code points.
 */
final class ActivityTexts {

    static final int TOPIC = 200;
    static final int PLACE = 200;
    static final int SPEAKER = 100;
    static final int MINUTES = 20000;
    static final int REASON = 1000;

    private ActivityTexts() {
    }

    /** A required text on one line of 1 to {@code max} characters (a topic, a place, a speaker). */
    static String line(String field, String text, int max) {
        String trimmed = optional(text);
        if (trimmed == null) {
            throw RuleViolation.invalid("INVALID_TEXT", "{0} has 1 to {1} characters, on one line, with no control or invisible characters",
                    field, max);
        }
        return optionalLine(field, trimmed, max);
    }

    /** An optional text on one line of at most {@code max} characters. */
    static String optionalLine(String field, String text, int max) {
        String trimmed = optional(text);
        if (trimmed != null && (TextRules.length(trimmed) > max || TextRules.check(trimmed, TextRules.Kind.NAME) != null)) {
            throw RuleViolation.invalid("INVALID_TEXT", "{0} has 1 to {1} characters, on one line, with no control or invisible characters",
                    field, max);
        }
        return trimmed;
    }

    /** A required free text (minutes, a reason): line feeds allowed. */
    static String free(String field, String text, int max) {
        String trimmed = optional(text);
        if (trimmed == null || TextRules.length(trimmed) > max || TextRules.check(trimmed, TextRules.Kind.FREE_TEXT) != null) {
            throw RuleViolation.invalid("INVALID_TEXT", "{0} has 1 to {1} characters, with no control or invisible characters (line feeds aside)",
                    field, max);
        }
        return trimmed;
    }

    /** An optional free text of at most {@code max} characters (a description). */
    static String optionalFree(String field, String text, int max) {
        return optional(text) == null ? null : free(field, text, max);
    }

    static String optional(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return TextRules.normalise(text.strip());
    }
}
