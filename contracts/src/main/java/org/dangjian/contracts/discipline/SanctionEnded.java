package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 处分期满 / 撤销: a sanction is no longer in effect from {@code endedOn} (its period ended, or it was revoked).
 *
 * @param sanctionId the sanction's id (UUID)
 * @param memberId   the member (the members service's record id)
 * @param endedOn    the first day it is no longer in effect
 */
@EventType(name = "org.dangjian.discipline.SanctionEnded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanctionEnded(
        String sanctionId,
        String memberId,
        LocalDate endedOn) {
}
