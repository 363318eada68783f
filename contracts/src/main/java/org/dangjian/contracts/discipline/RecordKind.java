package org.dangjian.contracts.discipline;

/** The discipline records whose reads are logged. */
public enum RecordKind {
    /** 明察暗访. */
    INSPECTION,
    /** 谈话函询. */
    TALK,
    /** 案件. */
    CASE,
    /** 选人用人监督. */
    SELECTION_SUPERVISION
}
