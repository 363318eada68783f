package org.dangjian.members.command;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dangjian.runtime.domain.RuleViolation;

/**
 * The criteria of the comprehensive assessment (党员综合管理考核) as data: versions, each taking effect on its day,
 * each with its criteria (the most points of each) and the least total of each grade. An assessment keeps the version
 * it was opened with. Read from {@code assessment-criteria.json} (or the resource {@code dangjian.members.assessment-criteria}).
 */
public record AssessmentCriteria(List<Version> versions) {

    public AssessmentCriteria {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("The assessment criteria need at least one version");
        }
        versions = VersionedData.ordered(versions, Version::effectiveFrom);
        for (Version version : versions) {
            if (version.criteria().isEmpty() || version.criteria().values().stream().anyMatch(c -> c.max() <= 0)) {
                throw new IllegalArgumentException("Version " + version.version() + " needs criteria with a maximum above 0");
            }
        }
    }

    /** @param grades the least total of each grade ({@code EXCELLENT}, {@code QUALIFIED}, {@code BASICALLY_QUALIFIED}) */
    public record Version(String version, LocalDate effectiveFrom, Map<String, Criterion> criteria, Map<String, Integer> grades) {

        /** The grade a total reaches: the highest whose least total it reaches, else {@code UNQUALIFIED}. */
        public String gradeOf(int total) {
            return grades.entrySet().stream().filter(g -> total >= g.getValue()).max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse("UNQUALIFIED");
        }
    }

    public record Criterion(String title, String titleEn, int max) {
    }

    public static AssessmentCriteria read(InputStream json) throws IOException {
        return VersionedData.read(json, AssessmentCriteria.class);
    }

    /** The version in effect on a day. */
    public Version at(LocalDate day) {
        return VersionedData.inEffect(versions, day, Version::effectiveFrom).orElseThrow(() -> RuleViolation.conflict("NO_ASSESSMENT_CRITERIA",
                "No assessment criteria are in effect on {0}", day.toString()));
    }

    public Version named(String version) {
        return versions.stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No assessment criteria version " + version));
    }
}
