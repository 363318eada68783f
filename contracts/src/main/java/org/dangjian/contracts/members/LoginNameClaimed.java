package org.dangjian.contracts.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 登录账号占用: a login name was claimed for one member record, so that no other record is linked to it while the claim
 * holds. The claim is a record of its own, its id the name-based UUID of the name (docs/api.md, "Account link").
 *
 * @param claimId  the claim's id (UUID, from the name)
 * @param username the login name, as linked
 * @param memberId the member record it is claimed for
 */
@EventType(name = "org.dangjian.members.LoginNameClaimed", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginNameClaimed(
        String claimId,
        @PersonalData(PersonalData.Kind.LOGIN_NAME) String username,
        String memberId) {
}
