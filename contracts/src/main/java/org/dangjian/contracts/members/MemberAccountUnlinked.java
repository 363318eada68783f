package org.dangjian.contracts.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 解除账号关联: a member record's link to a login name was removed (the name is released, {@link LoginNameReleased});
 * nobody reads the record as his own until it is linked again.
 *
 * @param memberId the member record's id (UUID)
 * @param username the login name it was linked to
 * @param reason   why
 */
@EventType(name = "org.dangjian.members.MemberAccountUnlinked", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberAccountUnlinked(
        String memberId,
        @PersonalData(PersonalData.Kind.LOGIN_NAME) String username,
        String reason) {
}
