package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 组织更名: an organisation unit took a new name.
 *
 * @param unitId       the unit
 * @param previousName the name it had
 * @param name         the name it has now
 * @param reason       the basis of the decision, when given
 */
@EventType(name = "org.dangjian.organisation.OrganisationUnitRenamed", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationUnitRenamed(String unitId, String previousName, String name, String reason) {
}
