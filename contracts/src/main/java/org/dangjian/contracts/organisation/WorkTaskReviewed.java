package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 任务验收: a done task accepted, or sent back with the reviewer's opinion.
 *
 * @param taskId the task
 * @param date the day
 * @param accepted accepted (true) or sent back (false)
 * @param opinion the reviewer's opinion
 */
@EventType(name = "org.dangjian.organisation.WorkTaskReviewed", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkTaskReviewed(
        String taskId,
        LocalDate date,
        boolean accepted,
        String opinion) {
}
