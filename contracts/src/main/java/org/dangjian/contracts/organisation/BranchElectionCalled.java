package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 召开选举: the committee's election (换届选举) called for a day. Subject: the new term's id.
 *
 * @param termId the term the election opens
 * @param unitId the party organisation
 * @param calledOn the day it was called
 * @param electionDate the day the election is to be held
 * @param termYears the new term's length in years (3 or 5)
 * @param seats the committee's seats (3 to 9)
 * @param basis the decision calling it, when given
 */
@EventType(name = "org.dangjian.organisation.BranchElectionCalled", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchElectionCalled(
        String termId,
        String unitId,
        LocalDate calledOn,
        LocalDate electionDate,
        int termYears,
        int seats,
        String basis) {
}
