package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 组织关系接收: the receiving branch on the platform received the member's letter; from this event on the member
 * belongs to {@code toBranchId} (and no longer to {@code fromBranchId}). The transfer stays open until the branch he
 * left confirms the receipt (回执, {@link MemberTransferConfirmed}).
 *
 * @param memberId     the member record's id (UUID)
 * @param transfer     the transfer's number in the member's record
 * @param fromBranchId the branch the member left
 * @param toBranchId   the branch he now belongs to
 * @param date         the day the letter was received
 * @param basis        what it rests on, when given
 */
@EventType(name = "org.dangjian.members.MemberTransferReceived", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberTransferReceived(
        String memberId,
        int transfer,
        String fromBranchId,
        String toBranchId,
        LocalDate date,
        String basis) {
}
