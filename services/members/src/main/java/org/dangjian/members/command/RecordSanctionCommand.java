package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.runtime.command.AggregateCodes;

/**
 * 处分记载: a sanction's effect as the discipline service published it: in effect ({@code endedOn} null; vetoes the
 * member's open cadre political assessments) or ended. {@code causingEventId}: the discipline event's CloudEvents id.
 * The same sanction noted twice changes nothing.
 */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record RecordSanctionCommand(@TargetAggregateIdentifier MemberId memberId, String sanctionId, Sanction sanction, LocalDate effectiveFrom,
                                    LocalDate endedOn, String causingEventId) {
}
