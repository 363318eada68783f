package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 检查办结: The inspection closed, its rectification (if any was required) accepted. Restricted: published on the
 * discipline service's restricted topic only (case content).
 *
 * @param inspectionId the inspection
 * @param date         the day closed
 * @param conclusion   its conclusion
 */
@EventType(name = "org.dangjian.discipline.InspectionClosed", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionClosed(
        String inspectionId,
        LocalDate date,
        String conclusion) {
}
