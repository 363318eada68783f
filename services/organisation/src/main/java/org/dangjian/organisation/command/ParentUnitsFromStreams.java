package org.dangjian.organisation.command;

import java.util.Optional;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reads a parent from its own event stream (not from a read model), inside the command's unit of work, so that an
 * unknown, dissolved or unsuitable parent is refused on the current state.
 */
@Component
class ParentUnitsFromStreams implements ParentUnits {

    private final Repository<OrganisationUnit> units;

    ParentUnitsFromStreams(Repository<OrganisationUnit> units) {
        this.units = units;
    }

    @Override
    public Optional<OrganisationStructure.Parent> find(OrganisationUnitId id) {
        try {
            return Optional.of(units.load(id.value()).invoke(OrganisationUnit::asParent));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
