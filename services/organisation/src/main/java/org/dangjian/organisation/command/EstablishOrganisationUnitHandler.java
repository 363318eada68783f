package org.dangjian.organisation.command;

import java.time.Clock;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.dangjian.runtime.domain.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Establishes a unit once its parent, read from the parent's own stream, is known to fit; registers it under the
 * parent before its event is appended (at the end of the unit of work).
 */
@Component
class EstablishOrganisationUnitHandler {

    private final Repository<OrganisationUnit> units;
    private final UnitStreams streams;
    private final SubordinateRegistry registry;
    private final Clock clock;

    EstablishOrganisationUnitHandler(Repository<OrganisationUnit> units, UnitStreams streams, SubordinateRegistry registry, Clock clock) {
        this.units = units;
        this.streams = streams;
        this.registry = registry;
        this.clock = clock;
    }

    @CommandHandler
    void handle(EstablishOrganisationUnitCommand command) throws Exception {
        OrganisationStructure.Parent parent = command.parentId() == null ? null
                : streams.parent(command.parentId()).orElseThrow(() -> RuleViolation.notFound("PARENT_NOT_FOUND",
                        "There is no unit {0} to establish the new unit under", command.parentId().value()));
        units.newInstance(() -> new OrganisationUnit(command, parent));
        if (parent != null) {
            registry.register(parent.id(), command.unitId(), clock.instant());
        }
    }
}
