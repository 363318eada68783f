package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 下级组织撤销: a unit under this one was dissolved. Recorded on the superior unit's own stream, in the same commit as
 * the subordinate's {@link OrganisationUnitDissolved}.
 *
 * @param unitId        the superior unit
 * @param subordinateId the unit that was dissolved
 */
@EventType(name = "org.dangjian.organisation.OrganisationUnitSubordinateDetached", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationUnitSubordinateDetached(String unitId, String subordinateId) {
}
