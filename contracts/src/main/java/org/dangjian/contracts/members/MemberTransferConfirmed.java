package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 回执确认: the receipt of a transfer came back to the branch the member left, and the transfer is closed. For a
 * transfer out of the platform ({@code toOrganisation}) this is the moment the member leaves it: his record is kept,
 * read-only, and he belongs to no branch on the platform any more.
 *
 * @param memberId       the member record's id (UUID)
 * @param transfer       the transfer's number in the member's record
 * @param fromBranchId   the branch the member left
 * @param toBranchId     the branch on the platform that received him; absent for a transfer out of the platform
 * @param toOrganisation the organisation outside the platform that received him; absent for a branch on it
 * @param date           the day the receipt was confirmed
 * @param basis          what it rests on (e.g. the receipt's number), when given
 */
@EventType(name = "org.dangjian.members.MemberTransferConfirmed", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberTransferConfirmed(
        String memberId,
        int transfer,
        String fromBranchId,
        String toBranchId,
        String toOrganisation,
        LocalDate date,
        String basis) {
}
