package org.dangjian.contracts.organisation;

/** The kinds of mass organisation (群团组织). */
public enum MassOrganisationType {
    /** 工会: trade union. */
    TRADE_UNION,
    /** 共青团: communist youth league. */
    YOUTH_LEAGUE,
    /** 妇联: women's federation. */
    WOMENS_FEDERATION
}
