package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * An organisation unit (组织): committee, general branch, branch, party group or mass organisation. Its stream is its
 * whole history; every change is an event and nothing is changed in place.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class OrganisationUnit {

    @AggregateIdentifier
    private String unitId;
    private OrganisationUnitKind kind;
    private String name;
    private String parentId;
    private boolean dissolved;

    protected OrganisationUnit() {
        // for Axon
    }

    /** Establishes a unit; the parent's facts were loaded by {@link EstablishOrganisationUnitHandler}. */
    OrganisationUnit(EstablishOrganisationUnitCommand command, OrganisationStructure.Parent parent) {
        OrganisationStructure.checkEstablishment(command.kind(), command.massOrganisationType(), parent);
        apply(new OrganisationUnitEstablished(command.unitId().value(), command.kind(), command.massOrganisationType(),
                OrganisationStructure.checkName(command.name()), parent == null ? null : parent.id().value(), reason(command.reason())));
    }

    @CommandHandler
    void handle(RenameOrganisationUnitCommand command) {
        if (dissolved) {
            throw RuleViolation.conflict("UNIT_DISSOLVED", "Unit {0} is dissolved and can no longer be renamed", unitId);
        }
        String newName = OrganisationStructure.checkName(command.name());
        if (newName.equals(name)) {
            throw RuleViolation.conflict("NAME_UNCHANGED", "Unit {0} is already called {1}", unitId, name);
        }
        apply(new OrganisationUnitRenamed(unitId, name, newName, reason(command.reason())));
    }

    /** Dissolves the unit; whether it still has active subordinate units was looked up by {@link DissolveOrganisationUnitHandler}. */
    void dissolve(DissolveOrganisationUnitCommand command, boolean hasActiveSubordinates) {
        if (dissolved) {
            throw RuleViolation.conflict("UNIT_ALREADY_DISSOLVED", "Unit {0} is already dissolved", unitId);
        }
        if (hasActiveSubordinates) {
            throw RuleViolation.conflict("UNIT_HAS_ACTIVE_SUBORDINATES",
                    "Unit {0} still has active subordinate units; dissolve or move them first", unitId);
        }
        apply(new OrganisationUnitDissolved(unitId, reason(command.reason())));
    }

    /** What a subordinate unit's establishment needs to know of this one. */
    OrganisationStructure.Parent asParent() {
        return new OrganisationStructure.Parent(new OrganisationUnitId(unitId), kind, dissolved);
    }

    /** Whether it stands, not dissolved, under that parent. */
    boolean isActiveUnder(String parent) {
        return !dissolved && parent.equals(parentId);
    }

    @EventSourcingHandler
    void on(OrganisationUnitEstablished event) {
        unitId = event.unitId();
        kind = event.kind();
        name = event.name();
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(OrganisationUnitRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrganisationUnitDissolved event) {
        dissolved = true;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String trimmed = reason.strip();
        if (trimmed.length() > 1000) {
            throw RuleViolation.invalid("INVALID_REASON", "A reason has at most 1000 characters");
        }
        return trimmed;
    }
}
