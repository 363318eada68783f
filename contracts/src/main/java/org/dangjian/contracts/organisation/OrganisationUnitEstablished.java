package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 组织成立: an organisation unit was established under a parent (or, for a committee, at the top of the tree).
 *
 * @param unitId               the new unit's id (UUID)
 * @param kind                 committee, general branch, branch, party group or mass organisation
 * @param massOrganisationType for a mass organisation only: union, youth league or women's federation
 * @param name                 the unit's name, e.g. 第一党支部
 * @param parentId             the superior unit's id; absent only for a top-level committee
 * @param reason               the basis of the decision (e.g. the approving document), when given
 */
@EventType(name = "org.dangjian.organisation.OrganisationUnitEstablished", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationUnitEstablished(
        String unitId,
        OrganisationUnitKind kind,
        MassOrganisationType massOrganisationType,
        String name,
        String parentId,
        String reason) {
}
