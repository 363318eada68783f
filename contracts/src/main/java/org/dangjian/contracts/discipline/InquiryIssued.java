package org.dangjian.contracts.discipline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 函询: A written inquiry issued to a member, to be answered in writing by a day. Restricted: published on the
 * discipline service's restricted topic only (case content).
 *
 * @param talkId    the inquiry's id
 * @param memberId  the member inquired
 * @param date      the day issued
 * @param questions what he is asked
 * @param dueDate   answer by
 * @param basis     why (依据)
 */
@EventType(name = "org.dangjian.discipline.InquiryIssued", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InquiryIssued(
        String talkId,
        String memberId,
        LocalDate date,
        String questions,
        LocalDate dueDate,
        String basis) {
}
