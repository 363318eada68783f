package org.dangjian.contracts.discipline;

/** What of a discipline record was read (its access log). */
public enum RecordView {
    /** The record as it stands. */
    DETAIL,
    /** Its timeline of events. */
    TIMELINE,
    /** Its hash chain checked. */
    VERIFICATION
}
