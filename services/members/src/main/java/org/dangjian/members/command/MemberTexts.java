package org.dangjian.members.command;

import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.text.TextRules;

/**
 * The text rules of a member record, kept by the aggregate whichever way a command came (the web layer checks them
 * first, with field-level messages): a name of 1 to 50 characters, an address of at most 200, a basis of at most
 * 1,000 (the platform's text rules, {@link TextRules}). Messages never quote the text (it may be personal data).
 */
final class MemberTexts {

    private MemberTexts() {
    }

    static String name(String name) {
        String trimmed = name == null ? "" : TextRules.normalise(name.strip());
        if (trimmed.isEmpty() || TextRules.length(trimmed) > 50 || TextRules.check(trimmed, TextRules.Kind.NAME) != null) {
            throw RuleViolation.invalid("INVALID_NAME", "A person's name has 1 to 50 characters, with a letter and no control or invisible characters");
        }
        return trimmed;
    }

    static String address(String address) {
        String trimmed = optional(address);
        if (trimmed != null && (TextRules.length(trimmed) > 200 || TextRules.check(trimmed, TextRules.Kind.NAME) != null)) {
            throw RuleViolation.invalid("INVALID_ADDRESS", "An address has at most 200 characters, on one line, with no control or invisible characters");
        }
        return trimmed;
    }

    /** An organisation outside the platform, by name: 1 to 100 characters on one line. */
    static String organisation(String name) {
        String trimmed = optional(name);
        if (trimmed != null && (TextRules.length(trimmed) > 100 || TextRules.check(trimmed, TextRules.Kind.NAME) != null)) {
            throw RuleViolation.invalid("INVALID_ORGANISATION", "An organisation's name has at most 100 characters, on one line, with no "
                    + "control or invisible characters");
        }
        return trimmed;
    }

    /** A required text on one line of 1 to {@code max} characters (a course, an organiser, the visitors' names). */
    static String line(String field, String text, int max) {
        String trimmed = optional(text);
        if (trimmed == null || TextRules.length(trimmed) > max || TextRules.check(trimmed, TextRules.Kind.NAME) != null) {
            throw RuleViolation.invalid("INVALID_TEXT", "{0} has 1 to {1} characters, on one line, with no control or invisible characters",
                    field, max);
        }
        return trimmed;
    }

    static String basis(String basis) {
        String trimmed = optional(basis);
        if (trimmed != null && (TextRules.length(trimmed) > 1000 || TextRules.check(trimmed, TextRules.Kind.FREE_TEXT) != null)) {
            throw RuleViolation.invalid("INVALID_BASIS", "A basis has at most 1000 characters, and no control or invisible characters (line feeds aside)");
        }
        return trimmed;
    }

    /** A period as a person says it: "6 months", "1 year 6 months". */
    static String english(java.time.Period period) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + (period.getYears() == 1 ? " year" : " years"));
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " month" : " months"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" ", parts);
    }

    /** A period in Chinese: "6 个月", "1 年 6 个月". */
    static String chinese(java.time.Period period) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + " 年");
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + " 个月");
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(period.getDays() + " 天");
        }
        return String.join(" ", parts);
    }

    static String optional(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return TextRules.normalise(text.strip());
    }
}
