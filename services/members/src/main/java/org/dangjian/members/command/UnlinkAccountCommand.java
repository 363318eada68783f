package org.dangjian.members.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 解除账号关联: removes a member record's link to its login name (committee staff), releasing the name. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND")
public record UnlinkAccountCommand(@TargetAggregateIdentifier MemberId memberId, String reason, BranchScope scope) {
}
