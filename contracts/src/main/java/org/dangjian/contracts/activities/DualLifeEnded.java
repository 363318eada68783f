package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 双重组织生活结束: a leading cadre no longer takes part in that branch's organisational life after a day (his post
 * changed, the contact branch changed); what he attended there before stays counted.
 *
 * @param assignmentId the record's id
 * @param memberId     the cadre
 * @param branchId     the branch
 * @param since        the first day of the period that ends (as its {@link DualLifeAssigned} named it)
 * @param until        the last day it applied
 * @param reason       why it ended
 */
@EventType(name = "org.dangjian.activities.DualLifeEnded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DualLifeEnded(
        String assignmentId,
        String memberId,
        String branchId,
        LocalDate since,
        LocalDate until,
        String reason) {
}
