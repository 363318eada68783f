package org.dangjian.contracts.discipline;

/** The stages of a cadre selection (选人用人) that supervision checks. */
public enum SelectionStage {
    /** 动议. */
    MOTION,
    /** 民主推荐. */
    DEMOCRATIC_RECOMMENDATION,
    /** 考察. */
    INSPECTION,
    /** 讨论决定. */
    DISCUSSION_DECISION,
    /** 任前公示. */
    PUBLICITY
}
