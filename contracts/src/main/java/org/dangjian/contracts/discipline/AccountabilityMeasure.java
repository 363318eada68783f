package org.dangjian.contracts.discipline;

/** The accountability measures (问责方式) short of a disciplinary sanction. */
public enum AccountabilityMeasure {
    /** 通报. */
    NOTICE,
    /** 诫勉. */
    ADMONISHMENT,
    /** 组织调整或者组织处理. */
    ORGANISATIONAL_ADJUSTMENT
}
