package org.dangjian.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 进度报告: how far a task is, with evidence; 100 means done, awaiting acceptance.
 *
 * @param taskId the task
 * @param date the day
 * @param percent 0 to 100, never less than before
 * @param report what was done
 * @param evidence evidence references
 */
@EventType(name = "org.dangjian.organisation.WorkTaskProgressReported", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkTaskProgressReported(
        String taskId,
        LocalDate date,
        int percent,
        String report,
        List<String> evidence) {
}
