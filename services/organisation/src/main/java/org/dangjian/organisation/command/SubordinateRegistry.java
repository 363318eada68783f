package org.dangjian.organisation.command;

import java.time.Instant;
import java.util.Map;

/**
 * The write side's record of which units were established under which parent, written before the new unit's event
 * is appended, so that dissolving the parent sees every subordinate at once (a read model only sees it once the event
 * has been published and applied; while it rebuilds, not at all).
 */
public interface SubordinateRegistry {

    void register(OrganisationUnitId parent, OrganisationUnitId unit, Instant at);

    /** Every unit registered under the parent, with when it was registered. */
    Map<OrganisationUnitId, Instant> registeredUnder(OrganisationUnitId parent);
}
