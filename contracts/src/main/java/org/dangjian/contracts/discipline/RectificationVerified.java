package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 整改验收: The reported rectification checked: accepted, or sent back to be done again. Restricted: published on the
 * discipline service's restricted topic only (case content).
 *
 * @param inspectionId the inspection
 * @param date         the day checked
 * @param accepted     accepted (验收通过) or sent back (退回重改)
 * @param opinion      the checker's opinion
 */
@EventType(name = "org.dangjian.discipline.RectificationVerified", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationVerified(
        String inspectionId,
        LocalDate date,
        boolean accepted,
        String opinion) {
}
