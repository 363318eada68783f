package org.dangjian.contracts.organisation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 任务分解: a task with its owner organisation, owner person, deadline; from a work plan's item or on a task list (任务清单). Subject: the task's id.
 *
 * @param taskId the task
 * @param planId the work plan, when from one
 * @param itemPosition the plan's item (its position), when from one
 * @param listId the task list, when on one
 * @param title what is to be done
 * @param description details, when given
 * @param ownerUnitId the unit responsible
 * @param ownerUnitName its name then
 * @param ownerPerson the person responsible, when named
 * @param assignedOn the day
 * @param deadline the day it is due
 */
@EventType(name = "org.dangjian.organisation.WorkTaskAssigned", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkTaskAssigned(
        String taskId,
        String planId,
        Integer itemPosition,
        String listId,
        String title,
        String description,
        String ownerUnitId,
        String ownerUnitName,
        String ownerPerson,
        LocalDate assignedOn,
        LocalDate deadline) {
}
