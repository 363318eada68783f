package org.dangjian.contracts.discipline;

/** What a case (案件) may decide. */
public enum CaseType {
    /** 问责: an accountability measure. */
    ACCOUNTABILITY,
    /** 党纪处分: a party disciplinary sanction. */
    SANCTION
}
