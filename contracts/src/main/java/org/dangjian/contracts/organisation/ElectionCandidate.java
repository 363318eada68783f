package org.dangjian.contracts.organisation;

import org.dangjian.contracts.PersonalData;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A candidate of an election with the votes for him (赞成票).
 *
 * @param memberId the member
 * @param name his name as the branch roster showed it
 * @param votes votes in favour
 * @param elected whether elected: more votes in favour than half of the votes cast, and among the most voted for the seats
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElectionCandidate(String memberId, @PersonalData(PersonalData.Kind.NAME) String name, int votes, boolean elected) {
}
