package org.dangjian.contracts.members;

/** The result of a cadre's political assessment (政治建设考察). */
public enum CadreAssessmentResult {
    /** 好. */
    GOOD,
    /** 较好. */
    FAIRLY_GOOD,
    /** 一般. */
    AVERAGE,
    /** 差. */
    POOR
}
