package org.dangjian.contracts.members;

/** 决定机关: the body that decided a step of the development of a member (发展党员). */
public enum DecidingBody {
    /** 支部委员会: the branch committee. */
    BRANCH_COMMITTEE,
    /** 支部党员大会: the branch general meeting. */
    BRANCH_GENERAL_MEETING,
    /** 党委: the party committee (its approval, 党委审批). */
    PARTY_COMMITTEE
}
