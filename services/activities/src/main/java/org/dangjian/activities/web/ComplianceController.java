package org.dangjian.activities.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.dangjian.activities.command.ActivityRules;
import org.dangjian.activities.command.CompliancePeriod;
import org.dangjian.activities.command.ComplianceRules;
import org.dangjian.activities.command.Frequency;
import org.dangjian.activities.query.ComplianceBoard;
import org.dangjian.activities.query.ComplianceQueries;
import org.dangjian.activities.query.ReadScope;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.web.AggregateIds;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "三会一课" compliance (三会一课落实情况): the board of a period per branch and the rule set. Both derive from read
 * models and the rules; neither takes {@code minSequence}: a holding recorded a moment ago shows within seconds.
 * Committee staff, auditors and discipline inspectors read every branch; a branch secretary his own; others are refused.
 */
@RestController
@Tag(name = "三会一课落实 Compliance")
class ComplianceController {

    private static final String BOARD_READERS = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'AUDITOR', 'DISCIPLINE_INSPECTOR')";

    private final ComplianceQueries queries;
    private final ComplianceRules rules;
    private final ActivityRules calendar;

    ComplianceController(ComplianceQueries queries, ComplianceRules rules, ActivityRules calendar) {
        this.queries = queries;
        this.rules = rules;
        this.calendar = calendar;
    }

    @Operation(summary = "三会一课落实情况 The compliance board", description = "Per branch the caller reads (a secretary his own; "
            + "another branch gives no rows), the kinds required in the period with their own periods: a month's board has the "
            + "monthly kinds of that month, the quarterly kinds of its quarter and the yearly kinds of its year (a quarter's the "
            + "quarterly and yearly kinds, a year's the yearly ones), each by the rules version in effect on its period's first day: "
            + "required, held (activities held on a day of the period), planned (still scheduled for one), state (MET, OPEN, "
            + "CLOSING, OVERDUE) and days left; an ended period once concluded as its ComplianceConcluded says. The period "
            + "defaults to this month in the centre's time zone.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
    ComplianceBoard board(@Parameter(description = "a month yyyy-MM, a quarter yyyy-Qn or a year yyyy", example = "2026-03")
                          @RequestParam(required = false) @Pattern(regexp = CompliancePeriod.PATTERN) String period,
                          @Parameter(description = "a branch's id") @RequestParam(required = false) String branch) {
        CompliancePeriod asked = period == null ? CompliancePeriod.containing(Frequency.MONTHLY, calendar.today()) : CompliancePeriod.parse(period);
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        return queries.board(asked, branchId, ReadScope.of(Caller.current()));
    }

    @Operation(summary = "三会一课落实要求 The compliance rules", description = "Every version of the rule set, with the day it takes "
            + "effect, the days before a period's end from which an unmet one is closing, and per kind how often (MONTHLY, "
            + "QUARTERLY, YEARLY) and at least how many times a period a branch holds it.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/compliance/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    ComplianceRules rules() {
        return rules;
    }
}
