package org.dangjian.organisation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.dangjian.runtime.domain.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Establishes a unit and records it on its parent's stream, in one commit: the new unit first (its lock), then the
 * parent, which refuses when it is dissolved or cannot hold that kind. A dissolution of the parent at the same moment
 * takes the same sequence of the parent's stream, so one of the two is retried against the other's result: an active
 * unit never stands under a dissolved one.
 */
@Component
class EstablishOrganisationUnitHandler {

    private final Repository<OrganisationUnit> units;

    EstablishOrganisationUnitHandler(Repository<OrganisationUnit> units) {
        this.units = units;
    }

    @CommandHandler
    void handle(EstablishOrganisationUnitCommand command) throws Exception {
        if (command.unitId().equals(command.parentId())) {
            throw RuleViolation.invalid("UNIT_UNDER_ITSELF", "A unit cannot stand under itself");
        }
        units.newInstance(() -> new OrganisationUnit(command));
        if (command.parentId() != null) {
            Aggregate<OrganisationUnit> parent;
            try {
                parent = units.load(command.parentId().value());
            } catch (AggregateNotFoundException e) {
                throw RuleViolation.notFound("PARENT_NOT_FOUND", "There is no unit {0} to establish the new unit under",
                        command.parentId().value());
            }
            parent.execute(p -> p.attachSubordinate(command.unitId(), command.kind()));
        }
    }
}
