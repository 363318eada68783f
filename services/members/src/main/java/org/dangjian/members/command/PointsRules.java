package org.dangjian.members.command;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dangjian.runtime.domain.RuleViolation;

/**
 * The "五星十佳" points rules (积分制管理) as data: versions, each taking effect on its day, each with its rules (fixed
 * points, points per hour, or a range a person chooses from) and the yearly balance each star needs. The service reads
 * them from {@code points-rules.json} (or the file {@code dangjian.members.points-rules} names); a ledger entry names
 * the version it was set by, so a new version changes nothing recorded before it.
 *
 * @param versions every version, in any order
 */
public record PointsRules(List<Version> versions) {

    public PointsRules {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("The points rules need at least one version");
        }
        versions = VersionedData.ordered(versions, Version::effectiveFrom);
        for (Version version : versions) {
            version.rules().forEach((name, rule) -> {
                if (!name.matches("[A-Z][A-Z0-9_]{0,63}")) {
                    throw new IllegalArgumentException("A points rule's name is upper case: " + name);
                }
                int kinds = (rule.points() != null ? 1 : 0) + (rule.pointsPerHour() != null ? 1 : 0) + (rule.min() != null || rule.max() != null ? 1 : 0);
                if (kinds != 1 || (rule.min() != null && (rule.max() == null || rule.min() > rule.max()))) {
                    throw new IllegalArgumentException("Points rule " + name + " of version " + version.version()
                            + " gives exactly one of points, pointsPerHour, or min..max");
                }
            });
        }
    }

    /**
     * One version of the rules.
     *
     * @param stars the yearly balance each star needs, ascending (five stars: five thresholds)
     */
    public record Version(String version, LocalDate effectiveFrom, Map<String, Rule> rules, List<Integer> stars) {

        /** How many stars a yearly balance earns. */
        public int starsFor(int balance) {
            return (int) stars.stream().filter(threshold -> balance >= threshold).count();
        }
    }

    /** One rule: fixed {@code points}, {@code pointsPerHour} (whole points, rounded down), or a chosen value in {@code min..max}. */
    public record Rule(String title, String titleEn, Integer points, Integer pointsPerHour, Integer min, Integer max) {
    }

    /** The rules as the resource holds them. */
    public static PointsRules read(InputStream json) throws IOException {
        return VersionedData.read(json, PointsRules.class);
    }

    /** The version in effect on a day. */
    public Version at(LocalDate day) {
        return VersionedData.inEffect(versions, day, Version::effectiveFrom).orElseThrow(() -> RuleViolation.conflict("NO_POINTS_RULES",
                "No points rules are in effect on {0}: the first version takes effect on {1}", day.toString(),
                versions.get(0).effectiveFrom().toString()));
    }

    /**
     * The points a rule gives on a day: its fixed points, the hours times its points per hour (rounded down), or the
     * chosen points within its range; refused when the rule does not exist in that version or a choice is out of range.
     */
    public int points(Version version, String ruleName, Integer chosen, BigDecimal hours) {
        Rule rule = ruleName == null ? null : version.rules().get(ruleName);
        if (rule == null) {
            throw RuleViolation.conflict("UNKNOWN_POINTS_RULE", "Version {1} of the points rules has no rule {0}", String.valueOf(ruleName),
                    version.version());
        }
        if (rule.points() != null) {
            return rule.points();
        }
        if (rule.pointsPerHour() != null) {
            if (hours == null || hours.signum() <= 0) {
                throw RuleViolation.invalid("HOURS_REQUIRED", "Rule {0} gives points per hour: the hours are required", ruleName);
            }
            return hours.multiply(BigDecimal.valueOf(rule.pointsPerHour())).setScale(0, RoundingMode.DOWN).intValueExact();
        }
        if (chosen == null || chosen < rule.min() || chosen > rule.max()) {
            throw RuleViolation.conflict("POINTS_OUT_OF_RANGE", "Rule {0} of version {3} gives {1} to {2} points", ruleName, rule.min(), rule.max(),
                    version.version());
        }
        return chosen;
    }
}
