package org.dangjian.organisation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Dissolves a unit once no active subordinate unit stands under it. */
@Component
class DissolveOrganisationUnitHandler {

    private final Repository<OrganisationUnit> units;
    private final SubordinateUnits subordinates;

    DissolveOrganisationUnitHandler(Repository<OrganisationUnit> units, SubordinateUnits subordinates) {
        this.units = units;
        this.subordinates = subordinates;
    }

    @CommandHandler
    void handle(DissolveOrganisationUnitCommand command) {
        boolean hasActive = subordinates.hasActiveSubordinates(command.unitId());
        units.load(command.unitId().value()).execute(unit -> unit.dissolve(command, hasActive));
    }
}
