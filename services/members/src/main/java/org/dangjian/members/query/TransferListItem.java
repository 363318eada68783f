package org.dangjian.members.query;

import org.dangjian.members.command.MemberStage;

/**
 * An open transfer in the list of transfers ({@code GET /transfers}): the member it moves and where it stands.
 *
 * @param sequence the member's last event this item reflects
 */
public record TransferListItem(String memberId, String name, MemberStage stage, String branchId, TransferView transfer, long sequence) {
}
