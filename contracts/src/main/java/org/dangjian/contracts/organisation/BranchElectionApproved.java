package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 选举批复: the higher committee approved the result; the term is in office from the election day until dueOn.
 *
 * @param termId the term
 * @param unitId the party organisation
 * @param approvedOn the day of approval
 * @param approvedBy the approving body (e.g. 中心党委)
 * @param startedOn the day the term began: the election day
 * @param dueOn the day the next election is due
 * @param basis the approval document, when given
 */
@EventType(name = "org.dangjian.organisation.BranchElectionApproved", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchElectionApproved(
        String termId,
        String unitId,
        LocalDate approvedOn,
        String approvedBy,
        LocalDate startedOn,
        LocalDate dueOn,
        String basis) {
}
