package org.dangjian.contracts.members;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 党内关怀: a visit to or support of a member (elderly, sick, in hardship) was recorded.
 *
 * @param memberId the member record's id (UUID)
 * @param care     its number in the member's record (1, 2, ...)
 * @param kind     visit, festival greeting, sick visit or hardship support
 * @param reason   elderly, sick, hardship or other
 * @param date     the day of the visit or support
 * @param visitors who visited or gave it (names, as the record says them)
 * @param amount   the support's value in yuan (money or goods), when there was one
 * @param notes    what was done and found, when given
 */
@EventType(name = "org.dangjian.members.MemberCareRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberCareRecorded(
        String memberId,
        int care,
        CareKind kind,
        CareReason reason,
        LocalDate date,
        String visitors,
        BigDecimal amount,
        String notes) {
}
