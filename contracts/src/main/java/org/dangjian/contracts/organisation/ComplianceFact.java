package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A published "三会一课" compliance record (the activities service's ComplianceConcluded) an area's score was given on.
 *
 * @param complianceId the compliance record
 * @param kind the kind of activity
 * @param period the period
 * @param required how many the rule asked for
 * @param held how many were held
 * @param met whether the rule was met
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplianceFact(String complianceId, String kind, String period, int required, int held, boolean met) {
}
