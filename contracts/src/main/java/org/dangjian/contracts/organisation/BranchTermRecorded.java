package org.dangjian.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 任期登记: a committee's term in office elected before the platform recorded it: when it began, how long it runs, who holds the seats. Subject: the term's id.
 *
 * @param termId the term
 * @param unitId the party organisation (党支部, 党总支 or 党委)
 * @param startedOn the day the term began (the election)
 * @param termYears its length in years (3 or 5)
 * @param dueOn the day the next election is due: startedOn plus termYears
 * @param committee who holds the seats
 * @param basis the document it was approved by, when given
 */
@EventType(name = "org.dangjian.organisation.BranchTermRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchTermRecorded(
        String termId,
        String unitId,
        LocalDate startedOn,
        int termYears,
        LocalDate dueOn,
        List<CommitteeMember> committee,
        String basis) {
}
