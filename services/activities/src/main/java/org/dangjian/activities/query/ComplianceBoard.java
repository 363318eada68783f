package org.dangjian.activities.query;

import java.time.LocalDate;
import java.util.List;

import org.dangjian.activities.command.ComplianceState;
import org.dangjian.activities.command.Frequency;
import org.dangjian.contracts.activities.ActivityKind;

/**
 * The "三会一课" compliance board (三会一课落实情况) of a period: the kinds required in it (columns: a month's board has
 * the monthly kinds of that month, the quarterly kinds of its quarter and the yearly kinds of its year, each with its own
 * period and the rules version in effect on that period's first day) and per branch a cell for each kind the branch
 * owes in that period.
 *
 * @param period  the period asked for
 * @param today   today in the centre's time zone, which the states are of
 * @param columns the kinds required, monthly ones first, then quarterly, then yearly
 */
public record ComplianceBoard(String period, LocalDate today, List<Column> columns, List<BranchRow> branches) {

    /**
     * A kind required in a period, by a version of the rules.
     *
     * @param from the period's first day
     * @param to   the period's last day
     */
    public record Column(ActivityKind kind, Frequency frequency, String period, LocalDate from, LocalDate to, String rulesVersion, int required,
                         int warnDaysBefore) {
    }

    /** A branch and its cells (only the kinds it owes: none for a period that began before it was established). */
    public record BranchRow(String branchId, String branchName, List<Cell> cells) {
    }

    /**
     * How the branch stands with a kind in its period.
     *
     * @param held      activities held on a day of the period (of a concluded period: as concluded)
     * @param planned   activities still scheduled for a day of the period
     * @param daysLeft  days until the period's end, today included (0 once ended)
     * @param concluded whether the period's ComplianceConcluded is recorded (then held, required, the version and the
     *                  state, MET or OVERDUE, are the record's)
     * @param heldLate  of a concluded period: activities held in it but recorded after the conclusion (they change
     *                  nothing concluded)
     */
    public record Cell(ActivityKind kind, Frequency frequency, String period, String rulesVersion, int required, int held, int planned,
                       ComplianceState state, int daysLeft, boolean concluded, int heldLate) {
    }
}
