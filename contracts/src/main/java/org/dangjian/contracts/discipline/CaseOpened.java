package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 立案: A case opened against a member: accountability (问责) or a party disciplinary sanction (党纪处分). Restricted:
 * published on the discipline service's restricted topic only (case content).
 *
 * @param caseId   the case's id
 * @param type     问责 or 党纪处分
 * @param memberId the member
 * @param matter   the matter (问题线索, 事实)
 * @param basis    what it rests on
 * @param date     the day opened
 */
@EventType(name = "org.dangjian.discipline.CaseOpened", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseOpened(
        String caseId,
        CaseType type,
        String memberId,
        String matter,
        String basis,
        LocalDate date) {
}
