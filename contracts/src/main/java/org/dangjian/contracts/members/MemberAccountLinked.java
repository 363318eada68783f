package org.dangjian.contracts.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 关联登录账号: a member record was linked to a person's login name on the platform; he then reads his own record (the
 * only record linked to that name: the name is claimed for it, {@link LoginNameClaimed}). A link replaces an earlier one.
 *
 * @param memberId the member record's id (UUID)
 * @param username the login name (the identity provider's {@code preferred_username})
 * @param basis    why, e.g. the person's own request; optional
 */
@EventType(name = "org.dangjian.members.MemberAccountLinked", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberAccountLinked(
        String memberId,
        @PersonalData(PersonalData.Kind.LOGIN_NAME) String username,
        String basis) {
}
