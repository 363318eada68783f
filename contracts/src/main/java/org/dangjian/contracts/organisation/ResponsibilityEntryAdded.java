package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 清单条目: a duty added to a responsibility list, numbered 1.. in order.
 *
 * @param listId the list
 * @param no its number
 * @param text the duty
 * @param basis where it comes from, when given
 */
@EventType(name = "org.dangjian.organisation.ResponsibilityEntryAdded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsibilityEntryAdded(
        String listId,
        int no,
        String text,
        String basis) {
}
