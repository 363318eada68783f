package org.dangjian.organisation.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Dissolves a unit once no active unit stands under it: every unit registered under it is read from its own stream;
 * one registered moments ago whose event is not stored yet counts as active. Units established before the registry
 * existed are seen through the read model ({@link SubordinatesInReadModel}), a second and conservative source.
 */
@Component
class DissolveOrganisationUnitHandler {

    /** How long a registered unit without a stream counts as being established (its writer died, if longer). */
    static final Duration PENDING = Duration.ofMinutes(1);

    private final Repository<OrganisationUnit> units;
    private final SubordinateRegistry registry;
    private final UnitStreams streams;
    private final SubordinatesInReadModel readModel;
    private final Clock clock;

    DissolveOrganisationUnitHandler(Repository<OrganisationUnit> units, SubordinateRegistry registry, UnitStreams streams,
                                    SubordinatesInReadModel readModel, Clock clock) {
        this.units = units;
        this.registry = registry;
        this.streams = streams;
        this.readModel = readModel;
        this.clock = clock;
    }

    @CommandHandler
    void handle(DissolveOrganisationUnitCommand command) {
        boolean hasActive = hasActiveSubordinates(command.unitId());
        units.load(command.unitId().value()).execute(unit -> unit.dissolve(command, hasActive));
    }

    private boolean hasActiveSubordinates(OrganisationUnitId unit) {
        Instant pendingSince = clock.instant().minus(PENDING);
        for (Map.Entry<OrganisationUnitId, Instant> registered : registry.registeredUnder(unit).entrySet()) {
            boolean active = streams.activeUnder(registered.getKey(), unit).orElse(registered.getValue().isAfter(pendingSince));
            if (active) {
                return true;
            }
        }
        return readModel.hasActiveSubordinates(unit);
    }
}
