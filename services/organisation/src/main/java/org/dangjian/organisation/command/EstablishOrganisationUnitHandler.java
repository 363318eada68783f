package org.dangjian.organisation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.dangjian.runtime.domain.RuleViolation;
import org.springframework.stereotype.Component;

/** Establishes a unit once its parent (read by {@link ParentUnits}) is known to fit. */
@Component
class EstablishOrganisationUnitHandler {

    private final Repository<OrganisationUnit> units;
    private final ParentUnits parents;

    EstablishOrganisationUnitHandler(Repository<OrganisationUnit> units, ParentUnits parents) {
        this.units = units;
        this.parents = parents;
    }

    @CommandHandler
    void handle(EstablishOrganisationUnitCommand command) throws Exception {
        OrganisationStructure.Parent parent = command.parentId() == null ? null
                : parents.find(command.parentId()).orElseThrow(() -> RuleViolation.notFound("PARENT_NOT_FOUND",
                        "There is no unit {0} to establish the new unit under", command.parentId().value()));
        units.newInstance(() -> new OrganisationUnit(command, parent));
    }
}
