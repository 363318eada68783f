package org.dangjian.members.query;

import java.time.LocalDate;

import org.dangjian.contracts.members.Gender;
import org.dangjian.members.command.MemberStage;
import org.dangjian.members.command.MemberStep;

/**
 * A member in a list page ({@code GET /members}): no personal data.
 *
 * @param stageSince    the day the current stage began
 * @param nextStep      null at a final stage
 * @param nextStepDueOn the earliest day the rules allow the next step; null at a final stage
 * @param probationEndsOn null unless admitted
 * @param username      the linked login name, or null
 * @param branchId      the branch he belongs to; null once transferred out of the platform ({@code leftPlatform})
 * @param transferState the state of his open transfer ({@code IN_TRANSIT} or {@code RECEIVED}), null when none is open
 * @param sequence      the member's last event this item reflects
 */
public record MemberListItem(String id, String name, Gender gender, String branchId, MemberStage stage, LocalDate stageSince,
                             LocalDate applicationDate, MemberStep nextStep, LocalDate nextStepDueOn, LocalDate probationEndsOn,
                             String username, boolean leftPlatform, String transferState, long sequence) {
}
