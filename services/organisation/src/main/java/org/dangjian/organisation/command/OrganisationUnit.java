package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateAttached;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateDetached;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.text.TextRules;

/**
 * An organisation unit (组织): committee, general branch, branch, party group or mass organisation. Its stream is its
 * whole history; every change is an event and nothing is changed in place. It knows its active subordinate units
 * from its own stream (each establishment and dissolution under it is recorded there too, in the same commit), so
 * the rules that span a unit and its subordinates are decided by the unit itself, under the store's optimistic lock.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class OrganisationUnit {

    @AggregateIdentifier
    private String unitId;
    private OrganisationUnitKind kind;
    private String name;
    private String parentId;
    private boolean dissolved;
    private Set<String> activeSubordinates = new HashSet<>();

    protected OrganisationUnit() {
        // for Axon
    }

    /**
     * Establishes a unit; whether it fits under its parent is decided by the parent ({@link #attachSubordinate}), in
     * the same commit ({@link EstablishOrganisationUnitHandler}).
     */
    OrganisationUnit(EstablishOrganisationUnitCommand command) {
        OrganisationStructure.checkOwnFields(command.kind(), command.massOrganisationType(), command.parentId() != null);
        apply(new OrganisationUnitEstablished(command.unitId().value(), command.kind(), command.massOrganisationType(),
                OrganisationStructure.checkName(command.name()), command.parentId() == null ? null : command.parentId().value(),
                reason(command.reason())));
    }

    /** A unit is being established under this one: refused when this one is dissolved or cannot hold that kind. */
    void attachSubordinate(OrganisationUnitId subordinate, OrganisationUnitKind subordinateKind) {
        OrganisationStructure.checkSubordinate(new OrganisationStructure.Parent(new OrganisationUnitId(unitId), kind, dissolved), subordinateKind);
        apply(new OrganisationUnitSubordinateAttached(unitId, subordinate.value(), subordinateKind));
    }

    /** A unit under this one was dissolved. */
    void detachSubordinate(OrganisationUnitId subordinate) {
        if (activeSubordinates.contains(subordinate.value())) {
            apply(new OrganisationUnitSubordinateDetached(unitId, subordinate.value()));
        }
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

    /**
     * Dissolves the unit, which must have no active subordinate units; answers its parent's id (null at the top), whose
     * stream records the dissolution too ({@link DissolveOrganisationUnitHandler}).
     */
    String dissolve(DissolveOrganisationUnitCommand command) {
        if (dissolved) {
            throw RuleViolation.conflict("UNIT_ALREADY_DISSOLVED", "Unit {0} is already dissolved", unitId);
        }
        if (!activeSubordinates.isEmpty()) {
            throw RuleViolation.conflict("UNIT_HAS_ACTIVE_SUBORDINATES",
                    "Unit {0} still has active subordinate units; dissolve or move them first", unitId);
        }
        apply(new OrganisationUnitDissolved(unitId, reason(command.reason())));
        return parentId;
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

    @EventSourcingHandler
    void on(OrganisationUnitSubordinateAttached event) {
        activeSubordinates.add(event.subordinateId());
    }

    @EventSourcingHandler
    void on(OrganisationUnitSubordinateDetached event) {
        activeSubordinates.remove(event.subordinateId());
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String trimmed = TextRules.normalise(reason.strip());
        if (TextRules.length(trimmed) > 1000 || TextRules.check(trimmed, TextRules.Kind.FREE_TEXT) != null) {
            throw RuleViolation.invalid("INVALID_REASON", "A reason has at most 1000 characters, and no control or invisible characters");
        }
        return trimmed;
    }
}
