package org.dangjian.organisation.web;

import static org.dangjian.organisation.web.WorkAccess.IDEMPOTENCY_KEY;
import static org.dangjian.organisation.web.WorkAccess.MAX_PAGE_SIZE;
import static org.dangjian.organisation.web.WorkAccess.REPORT_READERS;
import static org.dangjian.organisation.web.WorkAccess.STAFF;
import static org.dangjian.organisation.web.WorkAccess.STAFF_OR_SECRETARY;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.organisation.command.ReportCommands;
import org.dangjian.organisation.command.UnitFacts;
import org.dangjian.organisation.work.WorkQueries;
import org.dangjian.organisation.work.WorkRecordsReadModel;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.web.CommandResponse;
import org.dangjian.runtime.web.PageOf;
import org.dangjian.runtime.web.StrictParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The branch secretaries' dual report and dual evaluation (双述双评): a report submitted by committee staff or the
 * branch's secretary, evaluated by named evaluators, concluded (docs/organisation.md). Not for party members to read:
 * it rates a person.
 */
@RestController
@Tag(name = "双述双评 Secretaries' reports")
class SecretaryReportsController {

    private final CommandDispatcher commands;
    private final WorkQueries queries;
    private final WorkAccess access;

    SecretaryReportsController(CommandDispatcher commands, WorkQueries queries, WorkAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, ReportState.class);
    }

    @Operation(summary = "双述 Submit a secretary's report", description = "A branch's for a year (one per branch and year): 述党建 and 述业务. "
            + "By committee staff, or the branch's own secretary.")
    @PostMapping(path = "/secretary-reports", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> submit(@Valid @RequestBody WorkRequests.SubmitReport request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        UnitFacts unit = access.unit("unitId", request.unitId());
        String secretary = request.secretaryMemberId() == null ? null : access.partyMember(unit, request.secretaryMemberId()).memberId();
        String acting = WorkAccess.actingBranch();
        CommandResult result = commands.send(ReportCommands.reportIdOf(unit.unitId(), request.year()), id -> new ReportCommands.SubmitReport(id, unit,
                request.year(), secretary, request.secretaryName(), request.submittedOn(), request.partyWorkReport(), request.businessWorkReport(),
                acting), access.context(idempotencyKey, "submit-report", request, request.submittedOn()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/secretary-reports/" + result.id())), result);
    }

    @Operation(summary = "双评 Evaluate a report", description = "A named evaluator's ratings of party work and business work, once each.")
    @PostMapping(path = "/secretary-reports/{id}/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> evaluate(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Evaluation request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, reportId -> new ReportCommands.EvaluateReport(reportId, request.evaluator(), request.evaluatorRole(),
                request.partyWorkRating(), request.businessWorkRating(), request.comment(), request.date()),
                access.context(idempotencyKey, "evaluate-report " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "结论 Conclude a round", description = "The overall ratings: the mean of the evaluations (好 4 … 差 1), rounded half up.")
    @PostMapping(path = "/secretary-reports/{id}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> conclude(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Conclusion request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, reportId -> new ReportCommands.ConcludeReport(reportId, request.date(), request.conclusion()),
                access.context(idempotencyKey, "conclude-report " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "双述双评列表 Reports", description = "Filtered by unit, year and state; newest year first.")
    @PreAuthorize(REPORT_READERS)
    @GetMapping(path = "/secretary-reports", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Map<String, Object>> list(@RequestParam(required = false) String unit, @RequestParam(required = false) @Min(1921) @Max(2100) Integer year,
                                     @RequestParam(required = false) ReportState state, @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return queries.reports(new WorkQueries.ReportFilter(AggregateIds.canonicalOrNull("unit", unit), year, state == null ? null : state.name()),
                page, size);
    }

    @Operation(summary = "双述双评详情 A report", description = "With every evaluation and the conclusion.")
    @PreAuthorize(REPORT_READERS)
    @GetMapping(path = "/secretary-reports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> report(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, minSequence, () -> notFound(id), queries::report);
    }

    @Operation(summary = "双述双评时间线 A report's timeline", description = "The report, every evaluation and the conclusion, with actors.")
    @PreAuthorize(REPORT_READERS)
    @GetMapping(path = "/secretary-reports/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, WorkRecordsReadModel.Kind.REPORT, minSequence, from, limit, () -> notFound(id));
    }

    @Operation(summary = "校验 Verify a report's hash chain")
    @PreAuthorize(REPORT_READERS)
    @GetMapping(path = "/secretary-reports/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, WorkRecordsReadModel.Kind.REPORT, () -> notFound(id));
    }

    /** A report's states, for the list's filter. */
    enum ReportState { SUBMITTED, CONCLUDED }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("REPORT_NOT_FOUND", "There is no report {0}", id);
    }
}
