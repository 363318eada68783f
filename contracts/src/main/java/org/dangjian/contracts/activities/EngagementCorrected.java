package org.dangjian.contracts.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 更正: a learning and practice record corrected, for a reason; it names only the fields that change (an absent field
 * keeps its value), and the earlier record stays on its stream. A list given ({@code participants}, {@code evidence},
 * {@code authors}) replaces the list as a whole.
 *
 * @param engagementId the record's id
 * @param kind         its kind (never changed)
 * @param branchId     its branch (never changed)
 * @param reason       why it was corrected (更正原因)
 * @param title        the title from now on
 * @param date         the day from now on
 * @param hours        hours per participant from now on
 * @param participants the participants from now on (all of them)
 * @param evidence     the evidence references from now on (all of them; empty: none)
 * @param description  the description from now on
 * @param learningForm the form of learning from now on
 * @param authors      a report's authors from now on
 * @param summary      a report's summary from now on
 * @param organiserId  a mass activity's organising unit from now on
 * @param completedOn  a completed deed's day of completion from now on
 * @param result       a completed deed's result from now on
 */
@EventType(name = "org.dangjian.activities.EngagementCorrected", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngagementCorrected(
        String engagementId,
        EngagementKind kind,
        String branchId,
        String reason,
        String title,
        LocalDate date,
        BigDecimal hours,
        List<String> participants,
        List<String> evidence,
        String description,
        LearningForm learningForm,
        List<String> authors,
        String summary,
        String organiserId,
        LocalDate completedOn,
        String result) {
}
