package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.discipline.Sanction;

/**
 * 一票否决: a cadre's political assessment is vetoed because a disciplinary sanction is in effect: it cannot conclude
 * with a result. Names the sanction and the discipline service's event that published it, by its CloudEvents id.
 *
 * @param memberId       the member record's id (UUID)
 * @param assessment     its number in the member's record
 * @param sanctionId     the sanction in effect
 * @param sanction       which sanction
 * @param causingEventId the CloudEvents id of the {@code SanctionTookEffect} event that vetoes it
 * @param date           the day of the veto (the later of the sanction's effect and the assessment's opening)
 */
@EventType(name = "org.dangjian.members.CadrePoliticalAssessmentVetoed", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CadrePoliticalAssessmentVetoed(
        String memberId,
        int assessment,
        String sanctionId,
        Sanction sanction,
        String causingEventId,
        LocalDate date) {
}
