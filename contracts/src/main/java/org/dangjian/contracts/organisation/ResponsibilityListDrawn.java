package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 清单制定: a responsibility list (责任清单) or task list (任务清单) of a unit, or of a person in it, for a year. Subject: the list's id.
 *
 * @param listId the list
 * @param kind which list
 * @param unitId the unit
 * @param year the year
 * @param holder the person and post it is for, when it is a person's (e.g. 支部书记 李明)
 * @param title its title
 */
@EventType(name = "org.dangjian.organisation.ResponsibilityListDrawn", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsibilityListDrawn(
        String listId,
        ResponsibilityListKind kind,
        String unitId,
        int year,
        String holder,
        String title) {
}
