package org.dangjian.contracts.organisation;

import org.dangjian.contracts.PersonalData;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member holding a seat on the committee, by the members service's id and his name when recorded.
 *
 * @param memberId the member (members service id)
 * @param name his name as the branch roster showed it
 * @param position his seat
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitteeMember(String memberId, @PersonalData(PersonalData.Kind.NAME) String name, CommitteePosition position) {
}
