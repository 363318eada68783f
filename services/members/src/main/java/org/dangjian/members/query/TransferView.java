package org.dangjian.members.query;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One transfer of a member's organisational relationship (组织关系转接), as his file and the transfer list show it.
 *
 * @param transfer       its number in the member's record (1, 2, ...)
 * @param fromBranchId   the sending branch
 * @param toBranchId     the receiving branch on the platform; absent for a transfer out of it
 * @param toOrganisation the receiving organisation outside the platform; absent for a branch on it
 * @param state          {@code IN_TRANSIT} (在途), {@code RECEIVED} (已接收, receipt to confirm), {@code CONFIRMED} (已办结),
 *                       {@code WITHDRAWN} (已撤回) or {@code RETURNED} (已退回)
 * @param reason         why it was withdrawn or returned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferView(int transfer, String fromBranchId, String toBranchId, String toOrganisation, String state, LocalDate initiatedOn,
                           LocalDate receivedOn, LocalDate confirmedOn, LocalDate cancelledOn, String basis, String receiptBasis,
                           String reason) {

    /** Whether the transfer is still open (in transit, or received with the receipt to confirm). */
    public boolean open() {
        return "IN_TRANSIT".equals(state) || "RECEIVED".equals(state);
    }
}
