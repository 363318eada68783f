package org.dangjian.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 评定开始: an organisation unit's assessment for a year opened on a criteria version. Subject: the assessment's id, UUID.nameUUIDFromBytes("assessment|<code>|<unitId>|<year>").
 *
 * @param assessmentId the assessment
 * @param unitId the unit assessed
 * @param year the year assessed
 * @param criteriaId the criteria set
 * @param criteriaCode its code
 * @param criteriaVersion the version used
 * @param criteriaTitle the set's title in that version
 * @param areas the version's areas, copied so that the assessment's own record says what it was scored against
 * @param grades the version's grades, highest minScore first
 * @param openedOn the day
 * @param assessors who assesses (names)
 */
@EventType(name = "org.dangjian.organisation.UnitAssessmentOpened", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitAssessmentOpened(
        String assessmentId,
        String unitId,
        int year,
        String criteriaId,
        String criteriaCode,
        int criteriaVersion,
        String criteriaTitle,
        List<AssessmentArea> areas,
        List<AssessmentGrade> grades,
        LocalDate openedOn,
        List<String> assessors) {
}
