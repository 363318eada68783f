package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 组织撤销: an organisation unit was dissolved. It stays in the record (and in every timeline) but takes no new
 * subordinate units and no further changes.
 *
 * @param unitId the unit
 * @param reason the basis of the decision, when given
 */
@EventType(name = "org.dangjian.organisation.OrganisationUnitDissolved", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationUnitDissolved(String unitId, String reason) {
}
