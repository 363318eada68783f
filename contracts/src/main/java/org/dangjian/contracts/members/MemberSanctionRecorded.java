package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.discipline.Sanction;

/**
 * 处分记载: the member's record notes a disciplinary sanction's effect as the discipline service published it (the
 * effect only, no case content): in effect from {@code effectiveFrom} until it ends ({@code endedOn}, in a later
 * event of the same type with the same sanction id).
 *
 * @param memberId       the member record's id (UUID)
 * @param sanctionId     the sanction's id
 * @param sanction       which sanction
 * @param effectiveFrom  the day it took effect
 * @param endedOn        the first day it is no longer in effect; absent while in effect
 * @param causingEventId the CloudEvents id of the discipline service's event this notes
 */
@EventType(name = "org.dangjian.members.MemberSanctionRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberSanctionRecorded(
        String memberId,
        String sanctionId,
        Sanction sanction,
        LocalDate effectiveFrom,
        LocalDate endedOn,
        String causingEventId) {
}
