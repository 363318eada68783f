package org.dangjian.contracts.discipline;

/** How an inspection is carried out. */
public enum InspectionMode {
    /** 明查: announced. */
    OPEN,
    /** 暗访: unannounced. */
    UNANNOUNCED
}
