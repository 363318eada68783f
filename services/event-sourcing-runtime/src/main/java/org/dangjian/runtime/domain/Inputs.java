package org.dangjian.runtime.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a record checks of the values a command brings, whoever sent it (the web layer checks the same and more, but a
 * record does not trust it): days given, texts stripped and bounded in code points, lists of short texts (names,
 * evidence references) bounded and each once. Refusals are {@code INVALID_REQUEST} naming the field, {@code
 * DUPLICATE_ENTRY}, {@code INVALID_LIST}.
 */
public final class Inputs {

    /** The most entries a list of names or references holds. */
    public static final int MAX_LIST = 20;

    private Inputs() {
    }

    /** A day that must be given (a plan, a deadline). */
    public static LocalDate day(String field, LocalDate day) {
        if (day == null) {
            throw invalid(field);
        }
        return day;
    }

    /** A required text: stripped, 1 to {@code max} code points. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().codePointCount(0, value.strip().length()) > max) {
            throw invalid(field);
        }
        return value.strip();
    }

    /** An optional text: null when absent or blank, else as {@link #text}. */
    public static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /** A list of short texts (names, evidence references): each stripped and once, {@code min} to {@link #MAX_LIST} of them. */
    public static List<String> list(String field, List<String> values, int min, int maxLength) {
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

    /** {@code INVALID_REQUEST} naming the field. */
    public static RuleViolation invalid(String field) {
        return RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", field);
    }
}
