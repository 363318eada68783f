package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 办结: a "我为群众办实事" deed committed earlier ({@link EngagementRecorded} of kind DEED) was completed, with its
 * result; once per deed, on its stream.
 *
 * @param engagementId the deed's record id
 * @param branchId     its branch
 * @param date         the day it was completed (not before the day it was committed)
 * @param result       what was done (办结情况)
 */
@EventType(name = "org.dangjian.activities.DeedCompleted", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeedCompleted(
        String engagementId,
        String branchId,
        LocalDate date,
        String result) {
}
