package org.dangjian.contracts.members;

/** How a transfer in transit ended without moving the member. */
public enum TransferCancellation {
    /** 撤回: withdrawn by the branch that issued the letter (or the party committee's staff). */
    WITHDRAWN,
    /** 退回: returned by the branch it was sent to (or the party committee's staff). */
    RETURNED
}
