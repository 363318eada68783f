package org.dangjian.organisation.command;

import java.util.Set;

import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * What a record of the committee's work needs to know of the unit it is about, as the unit's read model shows it when
 * the command is sent: its name, kind and whether it is active.
 *
 * @param unitId the unit
 * @param name   its name
 * @param kind   its kind
 * @param active false once dissolved
 */
public record UnitFacts(String unitId, String name, OrganisationUnitKind kind, boolean active) {

    /** The kinds of party organisation that elect a committee (换届选举) and whose secretary reports (双述双评). */
    static final Set<OrganisationUnitKind> ELECTIVE = Set.of(OrganisationUnitKind.COMMITTEE, OrganisationUnitKind.GENERAL_BRANCH,
            OrganisationUnitKind.BRANCH);

    /** This unit, refused when it is dissolved ({@code UNIT_NOT_ACTIVE}). */
    UnitFacts requireActive() {
        if (!active) {
            throw RuleViolation.conflict("UNIT_NOT_ACTIVE", "{0} is dissolved", name);
        }
        return this;
    }

    /** This unit, refused unless it is an active party organisation with a committee ({@code UNIT_NOT_ELECTIVE}). */
    UnitFacts requireElective() {
        requireActive();
        if (!ELECTIVE.contains(kind)) {
            throw RuleViolation.conflict("UNIT_NOT_ELECTIVE", "{0} is a {1}: only a committee, general branch or branch elects a committee", name,
                    kind.name());
        }
        return this;
    }
}
