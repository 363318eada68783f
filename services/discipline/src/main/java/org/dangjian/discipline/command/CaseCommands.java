package org.dangjian.discipline.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.discipline.AccountabilityMeasure;
import org.dangjian.contracts.discipline.CaseType;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of a case (问责, 党纪处分). */
public final class CaseCommands {

    private CaseCommands() {
    }

    /**
     * The id of a case's published sanction (the stream of {@code SanctionTookEffect} and {@code SanctionEnded}): the
     * name-based UUID (version 3) of the UTF-8 bytes of {@code sanction|<caseId>}.
     */
    public static String sanctionIdOf(String caseId) {
        return UUID.nameUUIDFromBytes(("sanction|" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 立案: accountability or a sanction, against a member, the matter and its basis. */
    @AggregateCodes(notFound = "CASE_NOT_FOUND", alreadyExists = "CASE_ALREADY_EXISTS")
    public record OpenCase(@TargetAggregateIdentifier String caseId, CaseType type, String memberId, String matter, String basis, LocalDate date) {
    }

    /** 处理意见: the sanction (a sanction case) or measure (an accountability case) proposed, and why. */
    @AggregateCodes(notFound = "CASE_NOT_FOUND")
    public record ProposeMeasure(@TargetAggregateIdentifier String caseId, Sanction sanction, AccountabilityMeasure measure, String reasons,
                                 LocalDate date) {
    }

    /** 处理决定: the sanction or measure decided, its basis, in effect from a day (a sanction until a day, when it has a period). */
    @AggregateCodes(notFound = "CASE_NOT_FOUND")
    public record DecideCase(@TargetAggregateIdentifier String caseId, Sanction sanction, AccountabilityMeasure measure, String basis,
                             LocalDate date, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    /** 处分期满或撤销: the case's sanction no longer in effect from a day, and why. */
    @AggregateCodes(notFound = "CASE_NOT_FOUND")
    public record EndSanction(@TargetAggregateIdentifier String caseId, LocalDate endedOn, String reason) {
    }
}
