package org.dangjian.organisation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;

/** 组织更名: give a unit a new name. */
@AggregateCodes(notFound = "UNIT_NOT_FOUND")
public record RenameOrganisationUnitCommand(@TargetAggregateIdentifier OrganisationUnitId unitId, String name, String reason) {
}
