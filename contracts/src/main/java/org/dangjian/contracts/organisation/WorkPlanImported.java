package org.dangjian.contracts.organisation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 年度工作要点导入: a unit's annual work plan, imported from its text: sections and items numbered as written. Subject: the plan's id, UUID.nameUUIDFromBytes("plan|<unitId>|<year>").
 *
 * @param planId the plan
 * @param unitId the unit whose plan it is (a committee)
 * @param year the year
 * @param title its title line, when the text has one
 * @param dateLine its date line, when the text has one
 * @param preamble paragraphs before the first section
 * @param sections its sections
 * @param itemCount how many items
 * @param fingerprint SHA-256 (hex) of the parsed text's canonical form (docs/organisation.md): the same text gives the same
 */
@EventType(name = "org.dangjian.organisation.WorkPlanImported", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkPlanImported(
        String planId,
        String unitId,
        int year,
        String title,
        String dateLine,
        List<String> preamble,
        List<PlanSection> sections,
        int itemCount,
        String fingerprint) {
}
