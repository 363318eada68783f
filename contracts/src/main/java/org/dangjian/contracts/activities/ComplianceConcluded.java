package org.dangjian.contracts.activities;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 三会一课落实情况: once a period has ended, how a branch kept one kind of "三会一课" in it by the rule set in effect on
 * the period's first day: how many it had to hold, how many it held (activities held on a day of the period; cancelled
 * and merely scheduled ones do not count) and whether that met the rule. A record of its own, concluded once per
 * branch, kind and period (its id the name-based UUID of {@code compliance|<branchId>|<kind>|<period>}); an activity
 * recorded as held after the conclusion does not change it. The organisation service's branch "五化" assessment reads
 * it. Subject: the record's id.
 *
 * @param complianceId    the record's id: {@code UUID.nameUUIDFromBytes("compliance|<branchId>|<kind>|<period>")}
 * @param branchId        the branch (党支部)
 * @param kind            which kind of activity the rule is about
 * @param period          the period: a month {@code yyyy-MM}, a quarter {@code yyyy-Qn} or a year {@code yyyy}, in
 *                        the centre's time zone, as the rule's frequency says
 * @param rulesVersion    the version of the rule set in effect on the period's first day
 * @param required        how many the rule asks for in the period
 * @param held            how many were held in the period (the ids in {@code heldActivityIds})
 * @param met             whether {@code held} reached {@code required}
 * @param heldActivityIds the activities held in the period, by id (sorted)
 */
@EventType(name = "org.dangjian.activities.ComplianceConcluded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplianceConcluded(
        String complianceId,
        String branchId,
        ActivityKind kind,
        String period,
        String rulesVersion,
        int required,
        int held,
        boolean met,
        List<String> heldActivityIds) {
}
