package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 组织关系转出: the member's branch (or the party committee's staff) issued the letter that transfers his
 * organisational relationship (党组织关系介绍信); the transfer is now in transit (在途). The member still belongs to
 * {@code fromBranchId} until the receiving branch records its receipt ({@link MemberTransferReceived}); a transfer to
 * an organisation outside the platform ({@code toOrganisation}) ends with the receipt's return
 * ({@link MemberTransferConfirmed}). A member has at most one transfer open at a time.
 *
 * @param memberId       the member record's id (UUID)
 * @param transfer       the transfer's number in the member's record: 1 for his first transfer, then 2, ...
 * @param fromBranchId   the branch the member leaves
 * @param toBranchId     the receiving branch on the platform; absent for a transfer out of the platform
 * @param toOrganisation the receiving party organisation outside the platform, by name; absent for a branch on it
 * @param date           the day the letter was issued
 * @param basis          what it rests on (e.g. the letter's number), when given
 */
@EventType(name = "org.dangjian.members.MemberTransferInitiated", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberTransferInitiated(
        String memberId,
        int transfer,
        String fromBranchId,
        String toBranchId,
        String toOrganisation,
        LocalDate date,
        String basis) {
}
