package org.dangjian.contracts.members;

/** 政治审查结论: the conclusion of a development object's political review. */
public enum PoliticalReviewConclusion {
    /** 合格: passed; the way to admission is open. */
    PASSED,
    /** 不合格: not passed; the person stays a development object and may be reviewed again. */
    NOT_PASSED
}
