package org.dangjian.organisation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;

/** 撤销组织: dissolve a unit that has no active subordinate units. */
@AggregateCodes(notFound = "UNIT_NOT_FOUND")
public record DissolveOrganisationUnitCommand(@TargetAggregateIdentifier OrganisationUnitId unitId, String reason) {
}
