package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 监督结论: The supervision concluded: the selection compliant or not, with the opinion. Restricted: published on the
 * discipline service's restricted topic only (case content).
 *
 * @param recordId  the record
 * @param date      the day concluded
 * @param compliant whether the selection kept the rules
 * @param opinion   the opinion
 */
@EventType(name = "org.dangjian.discipline.SelectionSupervisionConcluded", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelectionSupervisionConcluded(
        String recordId,
        LocalDate date,
        boolean compliant,
        String opinion) {
}
