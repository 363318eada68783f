package org.dangjian.organisation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Dissolves a unit (which refuses while a subordinate stands under it, from its own stream) and records it on its
 * parent's stream, in one commit.
 */
@Component
class DissolveOrganisationUnitHandler {

    private final Repository<OrganisationUnit> units;

    DissolveOrganisationUnitHandler(Repository<OrganisationUnit> units) {
        this.units = units;
    }

    @CommandHandler
    void handle(DissolveOrganisationUnitCommand command) {
        String parentId = units.load(command.unitId().value()).invoke(unit -> unit.dissolve(command));
        if (parentId != null) {
            units.load(parentId).execute(parent -> parent.detachSubordinate(command.unitId()));
        }
    }
}
