package org.dangjian.organisation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.command.AggregateCodes;

/** 成立组织: establish a unit under a parent (a committee at the top has none). */
@AggregateCodes(notFound = "UNIT_NOT_FOUND", alreadyExists = "UNIT_ALREADY_EXISTS")
public record EstablishOrganisationUnitCommand(
        @TargetAggregateIdentifier OrganisationUnitId unitId,
        OrganisationUnitKind kind,
        MassOrganisationType massOrganisationType,
        String name,
        OrganisationUnitId parentId,
        String reason) {
}
