package org.dangjian.organisation.command;

import java.util.Optional;

/** What is known of a unit when another is established under it. */
@FunctionalInterface
public interface ParentUnits {

    Optional<OrganisationStructure.Parent> find(OrganisationUnitId id);
}
