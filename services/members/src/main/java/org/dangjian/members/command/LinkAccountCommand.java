package org.dangjian.members.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 关联登录账号: links a member record to a login name (committee staff), claiming the name for it. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record LinkAccountCommand(@TargetAggregateIdentifier MemberId memberId, String username, String basis, BranchScope scope) {
}
