package org.dangjian.members.query;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member's latest certification as a party-affairs cadre (党务干部任前资格认证).
 *
 * @param valid whether it is valid today
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualificationView(LocalDate date, LocalDate validUntil, BigDecimal trainingHours, String basis, boolean valid) {
}
