package org.dangjian.contracts.organisation;

/** A seat on a party organisation's committee (支部委员会, 总支委员会, 党委). */
public enum CommitteePosition {
    /** 书记 */
    SECRETARY,
    /** 副书记 */
    DEPUTY_SECRETARY,
    /** 委员 */
    COMMITTEE_MEMBER
}
