package org.dangjian.members.command;

/** Where an open transfer of a member's organisational relationship (组织关系转接) stands. */
public enum TransferState {
    /** 在途: the letter is issued; the member still belongs to the sending branch. */
    IN_TRANSIT,
    /** 已接收: the receiving branch has him; the receipt (回执) is still to be confirmed by the sending one. */
    RECEIVED
}
