package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 环节检查: A stage of the selection checked: compliant or not, with a note. Restricted: published on the discipline
 * service's restricted topic only (case content).
 *
 * @param recordId  the record
 * @param stage     动议, 民主推荐, 考察, 讨论决定 or 任前公示
 * @param date      the day checked
 * @param compliant whether the stage kept the rules
 * @param note      what was seen
 */
@EventType(name = "org.dangjian.discipline.SelectionStageChecked", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelectionStageChecked(
        String recordId,
        SelectionStage stage,
        LocalDate date,
        boolean compliant,
        String note) {
}
