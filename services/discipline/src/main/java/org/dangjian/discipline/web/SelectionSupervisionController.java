package org.dangjian.discipline.web;

import static org.dangjian.discipline.web.InspectionsController.INSPECTOR;
import static org.dangjian.discipline.web.InspectionsController.MAX_PAGE_SIZE;
import static org.dangjian.discipline.web.InspectionsController.READERS;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.discipline.command.SelectionCommands;
import org.dangjian.discipline.query.DisciplineQueries;
import org.dangjian.discipline.query.Views;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
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

/** Supervision of cadre selection (选人用人监督): opened, stages checked, concluded by discipline inspectors; read by them and auditors. */
@RestController
@Tag(name = "选人用人监督 Cadre selection supervision")
class SelectionSupervisionController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandDispatcher commands;
    private final DisciplineQueries queries;
    private final RecordAccess access;

    SelectionSupervisionController(CommandDispatcher commands, DisciplineQueries queries, RecordAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, SelectionState.class);
    }

    @Operation(summary = "开始监督 Open selection supervision", description = "The post to fill, the unit, the day the procedure began, what is "
            + "supervised. Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/selection-supervisions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> open(@Valid @RequestBody DisciplineRequests.OpenSelection request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        CommandResult result = commands.send(id, recordId -> new SelectionCommands.OpenSelectionSupervision(recordId, request.position(),
                request.unitName(), request.date(), request.description()), access.context(idempotencyKey, "open-selection-supervision", request,
                request.date()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/selection-supervisions/" + result.id())), result);
    }

    @Operation(summary = "环节检查 Check a stage", description = "A stage (动议, 民主推荐, 考察, 讨论决定, 任前公示) compliant or not, with a note; "
            + "checked again, the latest counts.")
    @PostMapping(path = "/selection-supervisions/{id}/checks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> check(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.CheckStage request,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, recordId -> new SelectionCommands.CheckSelectionStage(recordId, request.stage(), request.date(),
                request.compliant(), request.note()), access.context(idempotencyKey, "check-selection-stage " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "监督结论 Conclude", description = "Compliant or not, with the opinion; not compliant while a stage's latest check "
            + "found it not compliant (STAGE_NOT_COMPLIANT).")
    @PostMapping(path = "/selection-supervisions/{id}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> conclude(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.ConcludeSelection request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, recordId -> new SelectionCommands.ConcludeSelectionSupervision(recordId, request.date(),
                request.compliant(), request.opinion()), access.context(idempotencyKey, "conclude-selection-supervision " + id, request,
                request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "选人用人监督列表 Selection supervision records", description = "Filtered by state and days (the procedure began; from and "
            + "to inclusive), newest first, a page at a time.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/selection-supervisions", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Views.SelectionView> list(@RequestParam(required = false) SelectionState state,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return queries.selections(new DisciplineQueries.Filter(state == null ? null : state.name(), from, to, null, null), page, size);
    }

    @Operation(summary = "选人用人监督详情 A selection supervision record", description = "The checks in order, the latest per stage, the "
            + "conclusion. The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/selection-supervisions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Views.SelectionView record(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, RecordKind.SELECTION_SUPERVISION, minSequence, () -> notFound(id), queries::selection);
    }

    @Operation(summary = "时间线 Its timeline", description = "Every event, oldest first (from, limit ≤ 500). The read is recorded.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/selection-supervisions/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, RecordKind.SELECTION_SUPERVISION, "recordId", minSequence, from, limit, () -> notFound(id));
    }

    @Operation(summary = "校验 Verify its hash chain", description = "The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/selection-supervisions/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, RecordKind.SELECTION_SUPERVISION, () -> notFound(id));
    }

    /** A record's states, for the list's filter. */
    enum SelectionState { OPEN, CONCLUDED }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("SELECTION_SUPERVISION_NOT_FOUND", "There is no selection supervision record {0}", id);
    }
}
