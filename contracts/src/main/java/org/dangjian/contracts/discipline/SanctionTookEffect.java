package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 处分生效: a disciplinary sanction decided against a member is in effect from {@code effectiveFrom}. Only the effect
 * is published (who, which sanction, from when, until when): the case and its content stay in the discipline service.
 *
 * @param sanctionId     the sanction's id (UUID)
 * @param memberId       the member (the members service's record id)
 * @param sanction       which sanction
 * @param effectiveFrom  the day it takes effect
 * @param effectiveUntil the day its period of effect ends (影响期), when it has one
 */
@EventType(name = "org.dangjian.discipline.SanctionTookEffect", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanctionTookEffect(
        String sanctionId,
        String memberId,
        Sanction sanction,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil) {
}
