package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 确定为发展对象: the branch committee designates an activist a development object. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record DesignateDevelopmentObjectCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate date, String basis, BranchScope scope) {
}
