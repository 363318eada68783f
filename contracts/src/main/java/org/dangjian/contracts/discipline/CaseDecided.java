package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 处理决定: The case decided with its basis: the sanction or measure, in effect from a day (a sanction for a period).
 * Restricted: published on the discipline service's restricted topic only (case content).
 *
 * @param caseId         the case
 * @param sanction       the sanction decided
 * @param measure        the measure decided
 * @param basis          the decision's basis (依据)
 * @param date           the day decided
 * @param effectiveFrom  in effect from
 * @param effectiveUntil its period of effect ends (影响期), for a sanction that has one
 * @param sanctionId     the published sanction's id (SanctionTookEffect), for a sanction
 */
@EventType(name = "org.dangjian.discipline.CaseDecided", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDecided(
        String caseId,
        Sanction sanction,
        AccountabilityMeasure measure,
        String basis,
        LocalDate date,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        String sanctionId) {
}
