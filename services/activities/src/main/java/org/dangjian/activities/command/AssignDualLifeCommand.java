package org.dangjian.activities.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;

/**
 * 双重组织生活: a leading cadre takes part in a branch's organisational life besides his own, from a day on.
 *
 * @param assignmentId {@link #idOf} of member and branch
 * @param homeBranchId the cadre's own branch as the members service published it (the contact branch must differ)
 */
@AggregateCodes(notFound = "DUAL_LIFE_NOT_FOUND", alreadyExists = "DUAL_LIFE_ALREADY_ACTIVE")
public record AssignDualLifeCommand(@TargetAggregateIdentifier String assignmentId, String memberId, String homeBranchId, String branchId,
                                    String position, LocalDate since, String basis) {

    /**
     * A record's id: the name-based UUID (version 3, {@link UUID#nameUUIDFromBytes}) of the UTF-8 bytes of
     * {@code dual-life|<memberId>|<branchId>}, both ids in their canonical lower-case form.
     */
    public static String idOf(String memberId, String branchId) {
        return UUID.nameUUIDFromBytes(("dual-life|" + memberId + "|" + branchId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
