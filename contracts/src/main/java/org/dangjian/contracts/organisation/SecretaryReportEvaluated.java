package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 双评: a named evaluator's ratings of the report's party work and business work, once per evaluator.
 *
 * @param reportId the report
 * @param evaluator who (name)
 * @param evaluatorRole in what capacity (e.g. 党委委员, 党员代表), when given
 * @param partyWorkRating 评党建
 * @param businessWorkRating 评业务
 * @param comment a remark, when given
 * @param date the day
 */
@EventType(name = "org.dangjian.organisation.SecretaryReportEvaluated", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretaryReportEvaluated(
        String reportId,
        String evaluator,
        String evaluatorRole,
        ReportRating partyWorkRating,
        ReportRating businessWorkRating,
        String comment,
        LocalDate date) {
}
