package org.dangjian.members.query;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A sanction's effect on a member's file, as the discipline service published it (no case content).
 *
 * @param endedOn the first day it is no longer in effect; absent while in effect
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanctionView(String sanctionId, String sanction, LocalDate effectiveFrom, LocalDate endedOn, String causingEventId) {
}
