package org.dangjian.activities.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.dangjian.contracts.activities.ActivityKind;

/**
 * The rules of "三会一课" compliance as data: versions, each taking effect on its day, each saying per kind of activity
 * how often a branch must hold it (monthly, quarterly, yearly) and at least how many times a period, and how many days
 * before a period's end an unmet one is "closing" ({@code warnDaysBefore}). The service reads them from {@code
 * compliance-rules.json} (or the resource {@code dangjian.activities.compliance-rules} names). A period is judged by
 * the version in effect on its first day, and a concluded period names that version, so a new version changes nothing
 * concluded before it.
 *
 * @param versions every version, in any order (kept by the day they take effect)
 */
public record ComplianceRules(List<Version> versions) {

    public ComplianceRules {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("The compliance rules need at least one version");
        }
        if (versions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("A compliance rules version is missing");
        }
        versions = VersionedData.ordered(versions, Version::effectiveFrom);
        Set<String> names = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        for (Version version : versions) {
            if (!names.add(version.version())) {
                throw new IllegalArgumentException("Compliance rules version " + version.version() + " is given twice");
            }
            if (!days.add(version.effectiveFrom())) {
                throw new IllegalArgumentException("Two compliance rules versions take effect on " + version.effectiveFrom());
            }
        }
    }

    /**
     * One version of the rules.
     *
     * @param version        its name, e.g. {@code 2022.1}
     * @param effectiveFrom  the first day it is in effect (a period starting on or after it, until the next version, is
     *                       judged by it)
     * @param warnDaysBefore an unmet period is closing while this many days or fewer are left (today included)
     * @param requirements   per kind: how often and how many; a kind not named is not required
     */
    public record Version(String version, LocalDate effectiveFrom, int warnDaysBefore, Map<ActivityKind, Requirement> requirements) {

        public Version {
            if (version == null || version.isBlank() || effectiveFrom == null) {
                throw new IllegalArgumentException("A compliance rules version needs its name and effectiveFrom");
            }
            if (warnDaysBefore < 0) {
                throw new IllegalArgumentException("warnDaysBefore of compliance rules version " + version + " is not negative");
            }
            if (requirements == null || requirements.isEmpty()) {
                throw new IllegalArgumentException("Compliance rules version " + version + " requires nothing");
            }
            requirements.forEach((kind, requirement) -> {
                if (kind == null || requirement == null || requirement.frequency() == null) {
                    throw new IllegalArgumentException("Compliance rules version " + version + ": every kind needs its frequency");
                }
            });
            requirements = Collections.unmodifiableMap(new TreeMap<>(requirements)); // by kind, for a stable answer
        }

        /** The kinds required per period of this frequency, in the kinds' order, with their requirement. */
        public Map<ActivityKind, Requirement> of(Frequency frequency) {
            Map<ActivityKind, Requirement> found = new LinkedHashMap<>();
            requirements.forEach((kind, requirement) -> {
                if (requirement.frequency() == frequency) {
                    found.put(kind, requirement);
                }
            });
            return found;
        }
    }

    /**
     * How often a kind must be held and at least how many times a period.
     *
     * @param title   the kind's name as the rule states it (e.g. 支部委员会), for people
     * @param minimum at least this many a period (1 when not given)
     */
    public record Requirement(String title, Frequency frequency, Integer minimum) {

        public Requirement {
            if (minimum == null) {
                minimum = 1;
            }
            if (minimum < 1) {
                throw new IllegalArgumentException("A requirement's minimum is at least 1");
            }
        }
    }

    /** The rules as the resource holds them. */
    public static ComplianceRules read(InputStream json) throws IOException {
        return VersionedData.read(json, ComplianceRules.class);
    }

    /** The version in effect on a day, if one took effect by then. */
    public Optional<Version> at(LocalDate day) {
        return VersionedData.inEffect(versions, day, Version::effectiveFrom);
    }

    /** The version a period is judged by: the one in effect on its first day. */
    public Optional<Version> of(CompliancePeriod period) {
        return at(period.start());
    }

    /** The first day any version is in effect. */
    public LocalDate firstEffective() {
        return versions.get(0).effectiveFrom();
    }

    /**
     * The id of the compliance record of a branch, kind and period: the name-based UUID of {@code
     * compliance|<branchId>|<kind>|<period>} in UTF-8, the same on every instance, so a period is concluded once.
     */
    public static String recordId(String branchId, ActivityKind kind, CompliancePeriod period) {
        return UUID.nameUUIDFromBytes(("compliance|" + branchId + "|" + kind.name() + "|" + period.label()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Whether a branch owes a period at all: from the first period that starts on or after the day it was established
     * (unknown: owed from the rules' first day) until it is dissolved (a period whose last day is not before the
     * dissolution is not owed).
     */
    public static boolean owes(LocalDate establishedOn, LocalDate dissolvedOn, CompliancePeriod period) {
        return (establishedOn == null || !period.start().isBefore(establishedOn))
                && (dissolvedOn == null || dissolvedOn.isAfter(period.lastDay()));
    }
}
