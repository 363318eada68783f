package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An area of an assessment's criteria (考核项目), scored 0 to its maximum.
 *
 * @param code its code in the criteria set (e.g. ORGANISATIONAL_LIFE)
 * @param name its name (e.g. 组织生活正常化)
 * @param maxScore the highest score
 * @param description what is looked at, when given
 * @param factsSource where its facts come from, when the platform supplies them: activities.compliance (三会一课落实情况)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentArea(String code, String name, int maxScore, String description, String factsSource) {
}
