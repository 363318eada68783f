package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 处分期满或撤销: The case's sanction no longer in effect from a day (its period ended, or it was revoked). Restricted:
 * published on the discipline service's restricted topic only (case content).
 *
 * @param caseId     the case
 * @param sanctionId the published sanction
 * @param endedOn    the first day no longer in effect
 * @param reason     why (期满, 撤销 …)
 */
@EventType(name = "org.dangjian.discipline.CaseSanctionEnded", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSanctionEnded(
        String caseId,
        String sanctionId,
        LocalDate endedOn,
        String reason) {
}
