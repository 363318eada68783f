package org.dangjian.activities.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 办结: a "我为群众办实事" deed committed earlier is completed on a day, with its result. */
@AggregateCodes(notFound = "ENGAGEMENT_NOT_FOUND")
public record CompleteDeedCommand(@TargetAggregateIdentifier String engagementId, LocalDate date, String result, BranchScope scope) {
}
