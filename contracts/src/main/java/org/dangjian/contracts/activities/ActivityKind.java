package org.dangjian.contracts.activities;

/** The kinds of party activity ("三会一课" and the rest of organisational life). */
public enum ActivityKind {
    /** 支部党员大会. */
    BRANCH_GENERAL_MEETING,
    /** 支部委员会. */
    BRANCH_COMMITTEE_MEETING,
    /** 党小组会. */
    PARTY_GROUP_MEETING,
    /** 党课. */
    PARTY_LESSON,
    /** 主题党日. */
    THEME_PARTY_DAY,
    /** 组织生活会. */
    ORGANISATIONAL_LIFE_MEETING,
    /** 民主生活会. */
    DEMOCRATIC_LIFE_MEETING,
    /** 谈心谈话. */
    HEART_TO_HEART_TALK
}
