package org.dangjian.organisation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.dangjian.runtime.domain.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Establishes a unit after reading its parent from the parent's own stream (not from a read model), so that an
 * unknown, dissolved or unsuitable parent is refused on the current state.
 */
@Component
class EstablishOrganisationUnitHandler {

    private final Repository<OrganisationUnit> units;

    EstablishOrganisationUnitHandler(Repository<OrganisationUnit> units) {
        this.units = units;
    }

    @CommandHandler
    void handle(EstablishOrganisationUnitCommand command) throws Exception {
        OrganisationStructure.Parent parent = null;
        if (command.parentId() != null) {
            try {
                parent = units.load(command.parentId().value()).invoke(OrganisationUnit::asParent);
            } catch (AggregateNotFoundException e) {
                throw RuleViolation.notFound("PARENT_NOT_FOUND", "There is no unit {0} to establish the new unit under",
                        command.parentId().value());
            }
        }
        OrganisationStructure.Parent found = parent;
        units.newInstance(() -> new OrganisationUnit(command, found));
    }
}
