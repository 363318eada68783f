package org.dangjian.contracts.discipline;

/** The kinds of talk and inquiry (谈话函询). */
public enum TalkKind {
    /** 廉政谈话. */
    INTEGRITY_TALK,
    /** 约谈. */
    INTERVIEW,
    /** 函询: issued, answered in writing, concluded. */
    WRITTEN_INQUIRY,
    /** 诫勉谈话. */
    ADMONISHMENT_TALK,
    /** "红脸出汗" 提醒. */
    REMINDER
}
