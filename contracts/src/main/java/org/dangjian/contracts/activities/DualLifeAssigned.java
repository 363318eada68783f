package org.dangjian.contracts.activities;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 双重组织生活: a leading cadre (党员领导干部) takes part, from a day on, in the organisational life of a branch besides
 * his own (his contact branch 联系支部); his attendance at its activities counts there and in his own record. A record
 * of its own per member and branch (subject: its id, the name-based UUID of {@code dual-life|<memberId>|<branchId>}),
 * assigned again after it ended.
 *
 * @param assignmentId the record's id
 * @param memberId     the cadre (the members service's record id)
 * @param branchId     the branch whose organisational life he joins (not his own)
 * @param position     his leading post (职务), e.g. 中心主任
 * @param since        the first day it applies
 * @param basis        what it rests on (依据), e.g. the committee's notice
 */
@EventType(name = "org.dangjian.activities.DualLifeAssigned", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DualLifeAssigned(
        String assignmentId,
        String memberId,
        String branchId,
        String position,
        LocalDate since,
        String basis) {
}
