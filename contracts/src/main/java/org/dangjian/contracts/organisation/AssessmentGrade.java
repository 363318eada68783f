package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A grade of an assessment's criteria: reached from a total of minScore.
 *
 * @param grade its code (e.g. EXCELLENT)
 * @param label its name (e.g. 优秀)
 * @param minScore the lowest total that reaches it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentGrade(String grade, String label, int minScore) {
}
