package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 责令整改: Rectification of the findings required by a deadline, from a responsible unit or person. Restricted:
 * published on the discipline service's restricted topic only (case content).
 *
 * @param inspectionId the inspection
 * @param requirement  what is to be rectified
 * @param deadline     by when
 * @param responsible  who answers for it (unit or person)
 */
@EventType(name = "org.dangjian.discipline.RectificationRequired", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationRequired(
        String inspectionId,
        String requirement,
        LocalDate deadline,
        String responsible) {
}
