package org.dangjian.members.query;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cadre's political assessment (政治建设考察) in his file.
 *
 * @param state  {@code OPEN}, {@code CONCLUDED} or {@code VETOED} (一票否决)
 * @param result 好 {@code GOOD}, 较好 {@code FAIRLY_GOOD}, 一般 {@code AVERAGE}, 差 {@code POOR}; only when concluded
 * @param veto   the sanction that vetoed it and the discipline event that published it; only when vetoed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CadreAssessmentView(int assessment, int year, String state, LocalDate openedOn, String basis, String result, LocalDate concludedOn,
                                  String conclusionBasis, Veto veto) {

    /** @param causingEventId the CloudEvents id of the discipline service's {@code SanctionTookEffect} */
    public record Veto(String sanctionId, String sanction, String causingEventId, LocalDate date) {
    }
}
