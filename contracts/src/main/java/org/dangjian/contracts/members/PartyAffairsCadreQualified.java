package org.dangjian.contracts.members;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 党务干部任前资格认证: the party committee certified a full member as qualified to take a party-affairs post, on the
 * training hours of the twelve months before (at least the configured minimum) and with no sanction in effect.
 *
 * @param memberId      the member record's id (UUID)
 * @param date          the day of the certification
 * @param validUntil    the last day it is valid
 * @param trainingHours the training hours of the twelve months before {@code date} it rests on
 * @param basis         what it rests on, when given
 */
@EventType(name = "org.dangjian.members.PartyAffairsCadreQualified", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartyAffairsCadreQualified(
        String memberId,
        LocalDate date,
        LocalDate validUntil,
        BigDecimal trainingHours,
        String basis) {
}
