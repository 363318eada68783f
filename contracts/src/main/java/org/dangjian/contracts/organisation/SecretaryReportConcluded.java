package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 双述双评结论: the round concluded: the ratings the evaluations give (the mean of 好 4, 较好 3, 一般 2, 差 1, rounded half up) and the conclusion.
 *
 * @param reportId the report
 * @param unitId the branch
 * @param year the year
 * @param concludedOn the day
 * @param evaluations how many evaluations
 * @param partyWorkRating the overall party-work rating
 * @param businessWorkRating the overall business-work rating
 * @param conclusion the conclusion
 */
@EventType(name = "org.dangjian.organisation.SecretaryReportConcluded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretaryReportConcluded(
        String reportId,
        String unitId,
        int year,
        LocalDate concludedOn,
        int evaluations,
        ReportRating partyWorkRating,
        ReportRating businessWorkRating,
        String conclusion) {
}
