package org.dangjian.activities.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;

/** 双重组织生活结束: it no longer applies after {@code until}, for a reason. */
@AggregateCodes(notFound = "DUAL_LIFE_NOT_FOUND", alreadyExists = "DUAL_LIFE_ALREADY_ACTIVE")
public record EndDualLifeCommand(@TargetAggregateIdentifier String assignmentId, LocalDate until, String reason) {
}
