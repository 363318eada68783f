package org.dangjian.contracts.members;

/** The kinds of a member's assessment. */
public enum AssessmentType {
    /** 党员综合管理考核: scored on the criteria of a versioned set; the result follows from the total. */
    COMPREHENSIVE,
    /** 民主评议党员: the branch's vote per grade (优秀 / 合格 / 基本合格 / 不合格) and the grade it decided. */
    DEMOCRATIC_EVALUATION,
    /** 公务员日常考核: a quarter's grade (好 / 较好 / 一般 / 较差). */
    CIVIL_SERVANT_DAILY
}
