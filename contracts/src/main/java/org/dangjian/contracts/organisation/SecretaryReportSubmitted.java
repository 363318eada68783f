package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 双述: a branch secretary's report for a year on party work (述党建) and on business work (述业务). Subject: the report's id, UUID.nameUUIDFromBytes("secretary-report|<unitId>|<year>").
 *
 * @param reportId the report
 * @param unitId the branch
 * @param year the year reported on
 * @param secretaryMemberId the secretary, when on the roster
 * @param secretaryName his name
 * @param submittedOn the day
 * @param partyWorkReport 述党建
 * @param businessWorkReport 述业务
 */
@EventType(name = "org.dangjian.organisation.SecretaryReportSubmitted", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretaryReportSubmitted(
        String reportId,
        String unitId,
        int year,
        String secretaryMemberId,
        @PersonalData(PersonalData.Kind.NAME) String secretaryName,
        LocalDate submittedOn,
        String partyWorkReport,
        String businessWorkReport) {
}
