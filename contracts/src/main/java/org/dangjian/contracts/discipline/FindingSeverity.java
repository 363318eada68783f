package org.dangjian.contracts.discipline;

/** How serious a finding of an inspection is. */
public enum FindingSeverity {
    /** 轻微. */
    MINOR,
    /** 一般. */
    GENERAL,
    /** 严重. */
    SERIOUS
}
