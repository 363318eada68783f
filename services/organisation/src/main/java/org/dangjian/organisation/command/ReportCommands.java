package org.dangjian.organisation.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.organisation.ReportRating;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of the branch secretaries' dual report and dual evaluation (双述双评). */
public final class ReportCommands {

    private ReportCommands() {
    }

    /** A report's id: the name-based UUID (version 3) of {@code secretary-report|<unitId>|<year>} in UTF-8. */
    public static String reportIdOf(String unitId, int year) {
        return UUID.nameUUIDFromBytes(("secretary-report|" + unitId + "|" + year).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 双述: the report submitted; {@code actingBranchId} the secretary's branch when he submits it himself. */
    @AggregateCodes(notFound = "REPORT_NOT_FOUND", alreadyExists = "REPORT_ALREADY_SUBMITTED")
    public record SubmitReport(@TargetAggregateIdentifier String reportId, UnitFacts unit, int year, String secretaryMemberId, String secretaryName,
                               LocalDate submittedOn, String partyWorkReport, String businessWorkReport, String actingBranchId) {
    }

    /** 双评: one evaluator's ratings. */
    @AggregateCodes(notFound = "REPORT_NOT_FOUND")
    public record EvaluateReport(@TargetAggregateIdentifier String reportId, String evaluator, String evaluatorRole, ReportRating partyWorkRating,
                                 ReportRating businessWorkRating, String comment, LocalDate date) {
    }

    /** 结论. */
    @AggregateCodes(notFound = "REPORT_NOT_FOUND")
    public record ConcludeReport(@TargetAggregateIdentifier String reportId, LocalDate date, String conclusion) {
    }
}
