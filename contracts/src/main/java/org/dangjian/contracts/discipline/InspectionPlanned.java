package org.dangjian.contracts.discipline;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 明察暗访计划: An inspection of a service window or section planned, announced or unannounced. Restricted: published on
 * the discipline service's restricted topic only (case content).
 *
 * @param inspectionId the inspection's id
 * @param target       a window or a section
 * @param targetName   the window or section inspected (e.g. 不动产登记窗口)
 * @param branchId     the party branch of the inspected unit, when it has one
 * @param mode         明查 or 暗访
 * @param plannedDate  the day planned
 * @param inspectors   who inspects (names), 1 to 20
 * @param focus        what it looks at
 */
@EventType(name = "org.dangjian.discipline.InspectionPlanned", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionPlanned(
        String inspectionId,
        InspectionTarget target,
        String targetName,
        String branchId,
        InspectionMode mode,
        LocalDate plannedDate,
        List<String> inspectors,
        String focus) {
}
