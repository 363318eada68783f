package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 谈话函询了结: A talk or inquiry concluded, with its outcome. Restricted: published on the discipline service's
 * restricted topic only (case content).
 *
 * @param talkId  the talk or inquiry
 * @param kind    its kind
 * @param date    the day concluded
 * @param outcome the outcome (了结澄清, 予以采信, 转为初核 …)
 */
@EventType(name = "org.dangjian.discipline.TalkConcluded", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TalkConcluded(
        String talkId,
        TalkKind kind,
        LocalDate date,
        String outcome) {
}
