package org.dangjian.members.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.members.Gender;
import org.dangjian.runtime.command.AggregateCodes;
import org.dangjian.runtime.security.BranchScope;

/** 入党申请: record a person's application to join the party; creates the member record. {@code scope}: whose members the caller may touch. */
@AggregateCodes(notFound = "MEMBER_NOT_FOUND", alreadyExists = "MEMBER_ALREADY_EXISTS")
public record RecordApplicationCommand(@TargetAggregateIdentifier MemberId memberId, String name,
        Gender gender,
        LocalDate birthDate,
        String idCardNumber,
        String phone,
        String address,
        String branchId,
        LocalDate applicationDate,
        String username,
        String basis,
        BranchScope scope) {
}
