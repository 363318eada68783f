package org.dangjian.activities.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.activities.EngagementKind;
import org.dangjian.contracts.activities.LearningForm;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/**
 * 学习与实践登记: a branch of the caller's scope records learning and education (学习教育), a "我为群众办实事" deed's
 * commitment, a research report (调研报告) or a mass activity (群众性活动), a record of its own.
 */
@AggregateCodes(notFound = "ENGAGEMENT_NOT_FOUND", alreadyExists = "ENGAGEMENT_ALREADY_EXISTS")
public record RecordEngagementCommand(@TargetAggregateIdentifier String engagementId, EngagementKind kind, String branchId, String organiserId,
                                      String title, LocalDate date, BigDecimal hours, List<String> participants, List<String> evidence,
                                      String description, LearningForm learningForm, List<String> authors, String summary, BranchScope scope) {
}
