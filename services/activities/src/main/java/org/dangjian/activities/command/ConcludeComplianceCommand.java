package org.dangjian.activities.command;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.runtime.command.AggregateCodes;

/**
 * 三会一课落实情况: the compliance of a branch with one kind of "三会一课" in an ended period is concluded, with the
 * activities held in it. Sent by the service itself (its conclusion job), never over HTTP; its id is {@link
 * ComplianceRules#recordId}, so a second attempt meets the existing record and is refused ({@code
 * COMPLIANCE_ALREADY_CONCLUDED}).
 *
 * @param period          {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}
 * @param heldActivityIds the branch's activities of the kind held on a day of the period
 */
@AggregateCodes(notFound = "COMPLIANCE_NOT_FOUND", alreadyExists = "COMPLIANCE_ALREADY_CONCLUDED")
public record ConcludeComplianceCommand(@TargetAggregateIdentifier String complianceId, String branchId, ActivityKind kind, String period,
                                        List<String> heldActivityIds) {
}
