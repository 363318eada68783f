package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 政治建设考察开始: the party committee opened a cadre's political assessment for a year.
 *
 * @param memberId   the member record's id (UUID)
 * @param assessment its number in the member's record (1, 2, ...)
 * @param year       the year assessed
 * @param date       the day it was opened
 * @param basis      what it rests on, when given
 */
@EventType(name = "org.dangjian.members.CadrePoliticalAssessmentOpened", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CadrePoliticalAssessmentOpened(
        String memberId,
        int assessment,
        int year,
        LocalDate date,
        String basis) {
}
