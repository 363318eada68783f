package org.dangjian.contracts.discipline;

/** What an inspection (明察暗访) looks at. */
public enum InspectionTarget {
    /** 窗口: a service window. */
    WINDOW,
    /** 科室: a section. */
    SECTION
}
