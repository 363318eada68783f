package org.dangjian.organisation.query;

import java.util.List;

import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;

/** A unit in the organisation tree, with the units under it. */
public record TreeNode(
        String id,
        OrganisationUnitKind kind,
        MassOrganisationType massOrganisationType,
        String name,
        String status,
        long sequence,
        List<TreeNode> subordinates) {
}
