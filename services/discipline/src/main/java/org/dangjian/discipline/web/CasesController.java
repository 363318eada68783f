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
import org.dangjian.contracts.discipline.CaseType;
import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.discipline.command.CaseCommands;
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

/**
 * Cases (问责, 党纪处分): opened against a member, a measure proposed, decided with its basis and, for a sanction, in
 * effect until it ends; the sanction's effect (never the case) is published for the members service's one-vote veto.
 * By discipline inspectors; read by them and auditors (every read logged).
 */
@RestController
@Tag(name = "问责与处分 Cases")
class CasesController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandDispatcher commands;
    private final DisciplineQueries queries;
    private final RecordAccess access;

    CasesController(CommandDispatcher commands, DisciplineQueries queries, RecordAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, CaseType.class);
        StrictParameters.exactEnum(binder, CaseState.class);
    }

    @Operation(summary = "立案 Open a case", description = "Accountability (问责) or a party disciplinary sanction (党纪处分) against a member the "
            + "members service published: the matter, its basis, the day (not in the future). Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> open(@Valid @RequestBody DisciplineRequests.OpenCase request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String memberId = access.requireMember(request.memberId());
        CommandResult result = commands.send(id, caseId -> new CaseCommands.OpenCase(caseId, request.type(), memberId, request.matter(),
                request.basis(), request.date()), access.context(idempotencyKey, "open-case", request, request.date()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/cases/" + result.id())), result);
    }

    @Operation(summary = "处理意见 Propose a measure", description = "A sanction case proposes a sanction, an accountability case a measure, "
            + "with the reasons; again to revise it until the case is decided.")
    @PostMapping(path = "/cases/{id}/proposal", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> propose(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.Propose request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, caseId -> new CaseCommands.ProposeMeasure(caseId, request.sanction(), request.measure(),
                request.reasons(), request.date()), access.context(idempotencyKey, "propose-measure " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "处理决定 Decide a case", description = "On a proposal: the sanction or measure decided, the basis, the day, in effect "
            + "from (not before the decision, not in the future) and for a sanction until (its 影响期, when it has one). A sanction's "
            + "effect is published as SanctionTookEffect on the service's topic in the same commit (its id in the answer's case: "
            + "sanctionId); the case stays on the restricted topic.")
    @PostMapping(path = "/cases/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> decide(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.Decide request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, caseId -> new CaseCommands.DecideCase(caseId, request.sanction(), request.measure(), request.basis(),
                request.date(), request.effectiveFrom(), request.effectiveUntil()), access.context(idempotencyKey, "decide-case " + id, request,
                request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "处分期满或撤销 End a sanction", description = "The first day it is no longer in effect (after it took effect, not in "
            + "the future) and why; published as SanctionEnded.")
    @PostMapping(path = "/cases/{id}/sanction-ending", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> end(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.EndSanction request,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, caseId -> new CaseCommands.EndSanction(caseId, request.endedOn(), request.reason()),
                access.context(idempotencyKey, "end-sanction " + id, request, request.endedOn()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "案件列表 Cases", description = "Filtered by type, state, member and days (opened; from and to inclusive), newest first, "
            + "a page at a time.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Views.CaseView> list(@RequestParam(required = false) CaseType type, @RequestParam(required = false) CaseState state,
                                @RequestParam(required = false) String member,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String memberId = member == null ? null : AggregateIds.canonical("member", member);
        return queries.cases(new DisciplineQueries.Filter(state == null ? null : state.name(), from, to, memberId, type == null ? null : type.name()),
                page, size);
    }

    @Operation(summary = "案件详情 A case", description = "As it stands: proposals, decision, the published sanction's id, its end. The read is "
            + "recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/cases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Views.CaseView matter(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, RecordKind.CASE, minSequence, () -> notFound(id), queries::matter);
    }

    @Operation(summary = "案件时间线 A case's timeline", description = "Every event, oldest first (from, limit ≤ 500). The read is recorded.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/cases/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, RecordKind.CASE, "caseId", minSequence, from, limit, () -> notFound(id));
    }

    @Operation(summary = "校验 Verify a case's hash chain", description = "The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/cases/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, RecordKind.CASE, () -> notFound(id));
    }

    /** A case's states, for the list's filter. */
    enum CaseState { OPEN, PROPOSED, DECIDED, IN_EFFECT, ENDED }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("CASE_NOT_FOUND", "There is no case {0}", id);
    }
}
