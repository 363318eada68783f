package org.dangjian.contracts.organisation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 考核标准发布: a version of an assessment's criteria set ("五化", "五力", "五好班子", "五好团队" ...): its areas with their maximum scores and its grades. Each version is a new event of the set's stream; an assessment names the version it used. Subject: the set's id.
 *
 * @param criteriaId the set: UUID.nameUUIDFromBytes("criteria|<code>")
 * @param code its code (e.g. wuhua)
 * @param version 1, 2 ... in order
 * @param title its name
 * @param subjectKinds the kinds of organisation unit it assesses (OrganisationUnitKind names)
 * @param areas its areas in order
 * @param grades its grades, highest minScore first
 * @param reason why this version, when given
 */
@EventType(name = "org.dangjian.organisation.AssessmentCriteriaPublished", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentCriteriaPublished(
        String criteriaId,
        String code,
        int version,
        String title,
        List<String> subjectKinds,
        List<AssessmentArea> areas,
        List<AssessmentGrade> grades,
        String reason) {
}
