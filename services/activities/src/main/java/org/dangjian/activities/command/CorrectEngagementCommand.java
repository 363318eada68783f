package org.dangjian.activities.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.activities.LearningForm;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/**
 * 更正: a learning and practice record's fields corrected, for a reason; a field left null keeps its value, a list
 * given replaces the list. The record keeps only what changes, as a new event.
 */
@AggregateCodes(notFound = "ENGAGEMENT_NOT_FOUND")
public record CorrectEngagementCommand(@TargetAggregateIdentifier String engagementId, String reason, String title, LocalDate date,
                                       BigDecimal hours, List<String> participants, List<String> evidence, String description,
                                       LearningForm learningForm, List<String> authors, String summary, String organiserId,
                                       LocalDate completedOn, String result, BranchScope scope) {
}
