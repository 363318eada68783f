package org.dangjian.contracts.discipline;

/** The party disciplinary sanctions (党纪处分), lightest first. */
public enum Sanction {
    /** 警告. */
    WARNING,
    /** 严重警告. */
    SERIOUS_WARNING,
    /** 撤销党内职务. */
    REMOVAL_FROM_PARTY_POSTS,
    /** 留党察看. */
    PROBATION_WITHIN_THE_PARTY,
    /** 开除党籍. */
    EXPULSION
}
