package org.dangjian.organisation.command;

import java.util.Optional;

/** What the write side reads from other units' own event streams (never from a read model). */
public interface UnitStreams {

    /** The unit as a parent of a unit being established under it; empty when there is no such unit. */
    Optional<OrganisationStructure.Parent> parent(OrganisationUnitId id);

    /**
     * Whether the unit stands under {@code parent} and is not dissolved; empty when it has no stream (yet): its
     * establishment is still being stored, or failed.
     */
    Optional<Boolean> activeUnder(OrganisationUnitId unit, OrganisationUnitId parent);
}
