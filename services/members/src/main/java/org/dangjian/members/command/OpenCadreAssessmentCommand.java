package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 政治建设考察: the party committee opens a full member's (a cadre's) political assessment for a year. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record OpenCadreAssessmentCommand(@TargetAggregateIdentifier MemberId memberId, int year, LocalDate date, String basis, BranchScope scope) {
}
