package org.dangjian.contracts.activities;

/** The kinds of a branch's learning and practice records (学习与实践记录), each a record of its own. */
public enum EngagementKind {
    /** 学习教育: learning and education (党史学习教育, 读书班, 道德讲堂, 先锋论坛 …), in a {@link LearningForm}. */
    LEARNING,
    /** "我为群众办实事": a deed for the people, committed (承诺) and then completed (办结) with its result. */
    DEED,
    /** 调研报告: a research report, with its authors and summary. */
    RESEARCH_REPORT,
    /** 群众性活动: a mass activity (健步行, 篮球赛 …), organised by a branch or a mass organisation (工会, 团支部, 妇委会). */
    MASS_ACTIVITY
}
