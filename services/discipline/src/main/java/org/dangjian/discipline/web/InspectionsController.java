package org.dangjian.discipline.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.contracts.discipline.InspectionTarget;
import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.discipline.command.InspectionCommands;
import org.dangjian.discipline.query.DisciplineQueries;
import org.dangjian.discipline.query.Views;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.web.CommandResponse;
import org.dangjian.runtime.web.PageOf;
import org.dangjian.runtime.web.StrictParameters;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Inspections (明察暗访) of service windows and sections: planned, carried out, findings, rectification required,
 * reported, verified, closed, by discipline inspectors; read by them and auditors (every read of an inspection logged).
 */
@RestController
@Tag(name = "明察暗访 Inspections")
class InspectionsController {

    static final String INSPECTOR = "hasRole('DISCIPLINE_INSPECTOR')";
    static final String READERS = "hasAnyRole('DISCIPLINE_INSPECTOR', 'AUDITOR')";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_PAGE_SIZE = 200;

    private final CommandDispatcher commands;
    private final DisciplineQueries queries;
    private final RecordAccess access;
    private final OrganisationUnitsReadModel units;

    InspectionsController(CommandDispatcher commands, DisciplineQueries queries, RecordAccess access, OrganisationUnitsReadModel units) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.units = units;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, InspectionTarget.class);
        StrictParameters.exactEnum(binder, InspectionState.class);
    }

    @Operation(summary = "计划明察暗访 Plan an inspection", description = "A window or section (its name, and the party branch of the unit when "
            + "it has one: a branch the organisation service published, not dissolved), open or unannounced, the day planned, the "
            + "inspectors and what it looks at. Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/inspections", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> plan(@Valid @RequestBody DisciplineRequests.PlanInspection request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String branchId = request.branchId() == null ? null : AggregateIds.canonical("branchId", request.branchId());
        if (branchId != null) {
            units.requireActiveBranch(branchId);
        }
        CommandResult result = commands.send(id, inspectionId -> new InspectionCommands.PlanInspection(inspectionId, request.target(),
                request.targetName(), branchId, request.mode(), request.plannedDate(), request.inspectors(), request.focus()),
                access.context(idempotencyKey, "plan-inspection", request, null));
        return CommandResponse.of(ResponseEntity.created(URI.create("/inspections/" + result.id())), result);
    }

    @Operation(summary = "实施 Carry an inspection out", description = "The day (not in the future) and how it went.")
    @PostMapping(path = "/inspections/{id}/carrying-out", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> carryOut(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.CarryOut request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        return step(id, "carry-out", request, request.date(), idempotencyKey,
                inspectionId -> new InspectionCommands.CarryOutInspection(inspectionId, request.date(), request.summary()));
    }

    @Operation(summary = "发现问题 Record a finding", description = "Once carried out and before rectification is required: what was found, its "
            + "severity, evidence references; numbered in order.")
    @PostMapping(path = "/inspections/{id}/findings", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> finding(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.Finding request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        return step(id, "record-finding", request, null, idempotencyKey,
                inspectionId -> new InspectionCommands.RecordFinding(inspectionId, request.description(), request.severity(), request.evidence()));
    }

    @Operation(summary = "责令整改 Require rectification", description = "Of an inspection with findings: what, by when (not before the "
            + "inspection), who answers for it.")
    @PostMapping(path = "/inspections/{id}/rectification-requirement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> require(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.RequireRectification request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        return step(id, "require-rectification", request, null, idempotencyKey, inspectionId -> new InspectionCommands.RequireRectification(
                inspectionId, request.requirement(), request.deadline(), request.responsible()));
    }

    @Operation(summary = "整改报告 Report the rectification", description = "What was done, with evidence; again after it was sent back.")
    @PostMapping(path = "/inspections/{id}/rectification-report", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> report(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.ReportRectification request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        return step(id, "report-rectification", request, request.date(), idempotencyKey, inspectionId ->
                new InspectionCommands.ReportRectification(inspectionId, request.date(), request.report(), request.evidence()));
    }

    @Operation(summary = "整改验收 Verify the rectification", description = "The report checked: accepted (then the inspection may be closed) "
            + "or sent back to be done and reported again, with the opinion.")
    @PostMapping(path = "/inspections/{id}/rectification-verification", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> verifyRectification(@PathVariable("id") String path,
                                                        @Valid @RequestBody DisciplineRequests.VerifyRectification request,
                                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        return step(id, "verify-rectification", request, request.date(), idempotencyKey, inspectionId ->
                new InspectionCommands.VerifyRectification(inspectionId, request.date(), request.accepted(), request.opinion()));
    }

    @Operation(summary = "办结 Close an inspection", description = "Carried out without findings, or with its rectification accepted "
            + "(RECTIFICATION_NOT_VERIFIED otherwise): the day and the conclusion.")
    @PostMapping(path = "/inspections/{id}/closing", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> close(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.Close request,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        return step(id, "close-inspection", request, request.date(), idempotencyKey,
                inspectionId -> new InspectionCommands.CloseInspection(inspectionId, request.date(), request.conclusion()));
    }

    @Operation(summary = "明察暗访列表 Inspections", description = "Filtered by state, target (WINDOW, SECTION) and days (the day planned, "
            + "from and to inclusive), newest first, a page at a time.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/inspections", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Views.InspectionView> list(@Parameter(description = "PLANNED, CARRIED_OUT, RECTIFICATION_REQUIRED, RECTIFICATION_REPORTED, RECTIFIED, "
                                              + "CLOSED") @RequestParam(required = false) InspectionState state,
                                      @RequestParam(required = false) InspectionTarget target,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return queries.inspections(new DisciplineQueries.Filter(state == null ? null : state.name(), from, to, null,
                target == null ? null : target.name()), access.today(), page, size);
    }

    @Operation(summary = "整改台账 Rectification board", description = "The inspections whose rectification is required or reported and not "
            + "accepted yet, deadline first; overdue=true: those past their deadline.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/rectifications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Views.InspectionView> rectifications(@RequestParam(defaultValue = "false") boolean overdue) {
        return queries.rectifications(overdue, access.today());
    }

    @Operation(summary = "检查详情 An inspection", description = "As it stands: findings, rectification and its rounds (reported, accepted or "
            + "sent back), whether it is overdue, the conclusion. The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/inspections/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Views.InspectionView inspection(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, RecordKind.INSPECTION, minSequence, () -> notFound(id), i -> queries.inspection(i, access.today()));
    }

    @Operation(summary = "检查时间线 An inspection's timeline", description = "Every event, oldest first, with actor, times, correlation, "
            + "causation and hash chain; a page at a time (from, limit ≤ 500). The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/inspections/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, RecordKind.INSPECTION, "inspectionId", minSequence, from, limit, () -> notFound(id));
    }

    @Operation(summary = "校验 Verify an inspection's hash chain", description = "Walks its stream in the event store and names the first event "
            + "that does not match its hash. The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/inspections/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, RecordKind.INSPECTION, () -> notFound(id));
    }

    /** An inspection's states, for the list's filter. */
    enum InspectionState { PLANNED, CARRIED_OUT, RECTIFICATION_REQUIRED, RECTIFICATION_REPORTED, RECTIFIED, CLOSED }

    private ResponseEntity<CommandResponse> step(String id, String operation, Object request, LocalDate day, String idempotencyKey,
                                                 java.util.function.Function<String, Object> command) {
        CommandResult result = commands.send(id, command, access.context(idempotencyKey, operation + " " + id, request, day));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("INSPECTION_NOT_FOUND", "There is no inspection {0}", id);
    }
}
