package org.dangjian.contracts.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 登录账号释放: a login name's claim ended (its member record was unlinked or linked to another name); the name may be
 * claimed again.
 *
 * @param claimId  the claim's id (UUID, from the name)
 * @param username the login name
 * @param memberId the member record it was claimed for
 */
@EventType(name = "org.dangjian.members.LoginNameReleased", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginNameReleased(
        String claimId,
        @PersonalData(PersonalData.Kind.LOGIN_NAME) String username,
        String memberId) {
}
