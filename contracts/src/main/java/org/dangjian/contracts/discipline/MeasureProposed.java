package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 处理意见: A proposed measure: for a sanction case the sanction, for an accountability case the measure. Restricted:
 * published on the discipline service's restricted topic only (case content).
 *
 * @param caseId   the case
 * @param sanction the sanction proposed (党纪处分 cases)
 * @param measure  the measure proposed (问责 cases)
 * @param reasons  why
 * @param date     the day proposed
 */
@EventType(name = "org.dangjian.discipline.MeasureProposed", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureProposed(
        String caseId,
        Sanction sanction,
        AccountabilityMeasure measure,
        String reasons,
        LocalDate date) {
}
