package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 函询回复: The member's written answer to an inquiry. Restricted: published on the discipline service's restricted
 * topic only (case content).
 *
 * @param talkId the inquiry
 * @param date   the day answered
 * @param answer his answer
 */
@EventType(name = "org.dangjian.discipline.InquiryAnswered", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InquiryAnswered(
        String talkId,
        LocalDate date,
        String answer) {
}
