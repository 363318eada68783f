package org.dangjian.contracts.members;

/** The kinds of party care (党内关怀). */
public enum CareKind {
    /** 走访慰问: a visit. */
    VISIT,
    /** 节日慰问: a greeting visit at a festival. */
    FESTIVAL_GREETING,
    /** 探望病患: a visit to a sick member. */
    SICK_VISIT,
    /** 困难帮扶: support to a member in hardship (money or goods). */
    HARDSHIP_SUPPORT
}
