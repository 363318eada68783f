package org.dangjian.members.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The care list of a year ({@code GET /care}): the care records of the members the caller sees, newest first, and the
 * elderly party members (the configured age and older) with none that year yet.
 */
public record CareListView(int year, String branchId, List<CareView> records, List<Due> due) {

    /** An elderly member not cared for this year. */
    public record Due(String memberId, String name, String branchId, LocalDate birthDate, int age) {
    }
}
