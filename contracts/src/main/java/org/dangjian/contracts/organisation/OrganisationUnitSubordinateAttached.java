package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 下级组织隶属: a unit was established under this one. Recorded on the superior unit's own stream, in the same commit
 * as the new unit's {@link OrganisationUnitEstablished}, so the superior unit knows its active subordinates from its
 * own history: it cannot be dissolved while one stands under it, and nothing can be established under it once it is
 * dissolved.
 *
 * @param unitId          the superior unit
 * @param subordinateId   the unit established under it
 * @param subordinateKind that unit's kind
 */
@EventType(name = "org.dangjian.organisation.OrganisationUnitSubordinateAttached", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationUnitSubordinateAttached(String unitId, String subordinateId, OrganisationUnitKind subordinateKind) {
}
