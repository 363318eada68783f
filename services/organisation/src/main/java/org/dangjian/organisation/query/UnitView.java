package org.dangjian.organisation.query;

import java.time.Instant;
import java.util.List;

import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;

/**
 * A unit as the read model shows it.
 *
 * @param status       {@code ACTIVE} or {@code DISSOLVED}
 * @param sequence     the last event of the unit this view reflects
 * @param parent       the parent unit, in brief (absent for a top-level committee)
 * @param subordinates the units directly under it, in brief (dissolved ones included, marked)
 */
public record UnitView(
        String id,
        OrganisationUnitKind kind,
        MassOrganisationType massOrganisationType,
        String name,
        String status,
        Instant establishedAt,
        Instant dissolvedAt,
        long sequence,
        UnitSummary parent,
        List<UnitSummary> subordinates) {

    /** A unit in brief. */
    public record UnitSummary(String id, OrganisationUnitKind kind, String name, String status) {
    }
}
