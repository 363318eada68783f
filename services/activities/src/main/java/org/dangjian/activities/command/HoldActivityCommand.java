package org.dangjian.activities.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 召开: a scheduled activity was held on a day, at a place (the planned one when absent), with its minutes (会议记录). */
@AggregateCodes(notFound = "ACTIVITY_NOT_FOUND")
public record HoldActivityCommand(@TargetAggregateIdentifier String activityId, LocalDate date, String place, String topic, String minutes,
                                  String speaker, BranchScope scope) {
}
