package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 检查实施: The inspection was carried out on a day. Restricted: published on the discipline service's restricted topic
 * only (case content).
 *
 * @param inspectionId the inspection
 * @param date         the day carried out
 * @param summary      how it went
 */
@EventType(name = "org.dangjian.discipline.InspectionCarriedOut", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionCarriedOut(
        String inspectionId,
        LocalDate date,
        String summary) {
}
