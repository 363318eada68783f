package org.dangjian.members.query;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A care record (党内关怀) in a member's file, or in the care list with the member it concerns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareView(String memberId, String name, String branchId, int care, String kind, String reason, LocalDate date, String visitors,
                       BigDecimal amount, String notes) {
}
