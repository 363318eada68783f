package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 转接撤回 / 退回: a transfer in transit ended without moving the member: withdrawn by the branch that issued it, or
 * returned by the branch it was sent to. The member stays in {@code fromBranchId}.
 *
 * @param memberId       the member record's id (UUID)
 * @param transfer       the transfer's number in the member's record
 * @param fromBranchId   the branch the member stays in
 * @param toBranchId     the branch on the platform it was sent to; absent for a transfer out of the platform
 * @param toOrganisation the organisation outside the platform it was sent to; absent for a branch on it
 * @param cancellation   withdrawn by the sender or returned by the receiver
 * @param date           the day it was withdrawn or returned
 * @param reason         why (required)
 */
@EventType(name = "org.dangjian.members.MemberTransferCancelled", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberTransferCancelled(
        String memberId,
        int transfer,
        String fromBranchId,
        String toBranchId,
        String toOrganisation,
        TransferCancellation cancellation,
        LocalDate date,
        String reason) {
}
