package org.dangjian.organisation.command;

import java.util.Optional;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Reads other units inside the command's unit of work, through the aggregate repository (cache, snapshot, stream). */
@Component
class UnitStreamsFromRepository implements UnitStreams {

    private final Repository<OrganisationUnit> units;

    UnitStreamsFromRepository(Repository<OrganisationUnit> units) {
        this.units = units;
    }

    @Override
    public Optional<OrganisationStructure.Parent> parent(OrganisationUnitId id) {
        try {
            return Optional.of(units.load(id.value()).invoke(OrganisationUnit::asParent));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Boolean> activeUnder(OrganisationUnitId unit, OrganisationUnitId parent) {
        try {
            return Optional.of(units.load(unit.value()).invoke(u -> u.isActiveUnder(parent.value())));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
