package org.dangjian.activities.query;

/** Where an activity stands: scheduled (已安排), held (已召开) or cancelled (已取消). */
public enum ActivityState {
    SCHEDULED,
    HELD,
    CANCELLED
}
