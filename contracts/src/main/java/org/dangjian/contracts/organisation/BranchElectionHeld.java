package org.dangjian.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 选举结果: the election held: who could vote, who voted, each candidate's votes and who was elected to which seat.
 *
 * @param termId the term
 * @param unitId the party organisation
 * @param heldOn the day
 * @param eligibleVoters members with the right to vote (应到)
 * @param votesCast members who voted (实到): more than four fifths of eligibleVoters
 * @param candidates every candidate with his votes
 * @param committee the elected committee with its seats
 */
@EventType(name = "org.dangjian.organisation.BranchElectionHeld", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchElectionHeld(
        String termId,
        String unitId,
        LocalDate heldOn,
        int eligibleVoters,
        int votesCast,
        List<ElectionCandidate> candidates,
        List<CommitteeMember> committee) {
}
