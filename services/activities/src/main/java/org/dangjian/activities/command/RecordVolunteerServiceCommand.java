package org.dangjian.activities.command;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.activities.VolunteerServiceKind;
import org.dangjian.runtime.command.AggregateCodes;

/** 志愿服务登记: a member's hours of volunteer service of a kind on a day, a record of its own. */
@AggregateCodes(notFound = "VOLUNTEER_SERVICE_NOT_FOUND", alreadyExists = "VOLUNTEER_SERVICE_ALREADY_EXISTS")
public record RecordVolunteerServiceCommand(@TargetAggregateIdentifier String serviceId, String memberId, VolunteerServiceKind kind,
                                            BigDecimal hours, LocalDate date) {
}
