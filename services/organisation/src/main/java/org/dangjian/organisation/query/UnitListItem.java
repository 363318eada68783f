package org.dangjian.organisation.query;

import java.time.Instant;

import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;

/**
 * A unit in a list page ({@code GET /units}).
 *
 * @param massOrganisationType null unless it is a mass organisation
 * @param parentId             null for a top-level committee
 * @param parentName           the parent's name now; null for a top-level committee
 * @param sequence             the last event of the unit this item reflects
 * @param dissolvedAt          null unless it is dissolved
 * @param subordinates         the units ever established directly under it (dissolved ones included)
 * @param activeSubordinates   those of them that are not dissolved
 */
public record UnitListItem(
        String id,
        OrganisationUnitKind kind,
        MassOrganisationType massOrganisationType,
        String name,
        UnitStatus status,
        String parentId,
        String parentName,
        long sequence,
        Instant establishedAt,
        Instant dissolvedAt,
        long subordinates,
        long activeSubordinates) {
}
