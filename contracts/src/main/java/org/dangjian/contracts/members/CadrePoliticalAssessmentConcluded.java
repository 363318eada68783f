package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 政治建设考察结论: the party committee concluded a cadre's political assessment with its result.
 *
 * @param memberId   the member record's id (UUID)
 * @param assessment its number in the member's record
 * @param result     好, 较好, 一般 or 差
 * @param date       the day it was concluded
 * @param basis      what it rests on, when given
 */
@EventType(name = "org.dangjian.members.CadrePoliticalAssessmentConcluded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CadrePoliticalAssessmentConcluded(
        String memberId,
        int assessment,
        CadreAssessmentResult result,
        LocalDate date,
        String basis) {
}
