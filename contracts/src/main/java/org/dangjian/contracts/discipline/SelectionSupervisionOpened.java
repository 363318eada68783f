package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 选人用人监督: Supervision of a cadre selection opened: the post, the unit, when the procedure began. Restricted:
 * published on the discipline service's restricted topic only (case content).
 *
 * @param recordId    the record's id
 * @param position    the post to fill
 * @param unitName    the unit
 * @param date        the day the procedure began
 * @param description what is supervised
 */
@EventType(name = "org.dangjian.discipline.SelectionSupervisionOpened", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelectionSupervisionOpened(
        String recordId,
        String position,
        String unitName,
        LocalDate date,
        String description) {
}
