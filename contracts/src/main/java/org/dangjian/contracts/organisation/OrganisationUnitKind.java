package org.dangjian.contracts.organisation;

/** The kinds of organisation unit (组织类型). */
public enum OrganisationUnitKind {
    /** 党委: party committee. */
    COMMITTEE,
    /** 党总支: general party branch. */
    GENERAL_BRANCH,
    /** 党支部: party branch. */
    BRANCH,
    /** 党小组: party group. */
    PARTY_GROUP,
    /** 群团组织: mass organisation (union, youth league, women's federation). */
    MASS_ORGANISATION
}
