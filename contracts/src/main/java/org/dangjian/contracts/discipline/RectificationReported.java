package org.dangjian.contracts.discipline;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 整改报告: The rectification reported, with evidence. Restricted: published on the discipline service's restricted
 * topic only (case content).
 *
 * @param inspectionId the inspection
 * @param date         the day reported
 * @param report       what was done
 * @param evidence     evidence references, 0 to 20
 */
@EventType(name = "org.dangjian.discipline.RectificationReported", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationReported(
        String inspectionId,
        LocalDate date,
        String report,
        List<String> evidence) {
}
