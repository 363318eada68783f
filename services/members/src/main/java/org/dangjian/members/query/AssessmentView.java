package org.dangjian.members.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An assessment (考核) as {@code GET /assessments/{id}} and the list show it.
 *
 * @param state       {@code OPEN} or {@code CONCLUDED}
 * @param result      the grade in force (after any correction)
 * @param corrections every correction, oldest first
 * @param sequence    the assessment's last event this view reflects
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentView(String id, String memberId, String name, String branchId, String type, String period, String criteriaVersion,
                             LocalDate openedOn, String state, Map<String, Object> scores, Integer total, String result, Map<String, Object> votes,
                             LocalDate concludedOn, String basis, List<Correction> corrections, long sequence) {

    public record Correction(String previousResult, String result, LocalDate date, String reason) {
    }
}
