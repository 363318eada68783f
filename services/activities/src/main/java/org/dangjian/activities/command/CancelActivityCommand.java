package org.dangjian.activities.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 取消活动: a scheduled activity is cancelled before it is held, for a reason. */
@AggregateCodes(notFound = "ACTIVITY_NOT_FOUND")
public record CancelActivityCommand(@TargetAggregateIdentifier String activityId, String reason, BranchScope scope) {
}
