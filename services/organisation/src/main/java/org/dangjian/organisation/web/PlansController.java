package org.dangjian.organisation.web;

import static org.dangjian.organisation.web.WorkAccess.IDEMPOTENCY_KEY;
import static org.dangjian.organisation.web.WorkAccess.MAX_PAGE_SIZE;
import static org.dangjian.organisation.web.WorkAccess.READERS;
import static org.dangjian.organisation.web.WorkAccess.STAFF;
import static org.dangjian.organisation.web.WorkAccess.STAFF_OR_SECRETARY;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.contracts.organisation.PlanItem;
import org.dangjian.contracts.organisation.PlanSection;
import org.dangjian.contracts.organisation.ResponsibilityListKind;
import org.dangjian.organisation.command.PlanCommands;
import org.dangjian.organisation.command.UnitFacts;
import org.dangjian.organisation.plan.ParsedPlan;
import org.dangjian.organisation.plan.PlanTextException;
import org.dangjian.organisation.plan.WorkPlanText;
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
 * The annual work plan (年度工作要点) imported from its text, its items broken into tasks with owner, deadline and
 * progress, the plan board; and the responsibility system's lists (责任清单, 任务清单) (docs/organisation.md).
 */
@RestController
@Tag(name = "工作要点与责任清单 Work plan, tasks and lists")
class PlansController {

    private final CommandDispatcher commands;
    private final WorkQueries queries;
    private final WorkAccess access;

    PlansController(CommandDispatcher commands, WorkQueries queries, WorkAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, TaskState.class);
        StrictParameters.exactEnum(binder, ResponsibilityListKind.class);
    }

    /** The answer to an import: {@code unchanged} when the same plan was imported already (no event). */
    record ImportAnswer(String id, long sequence, boolean unchanged) {
    }

    @Operation(summary = "导入工作要点 Import an annual work plan", description = "A unit's plan for a year from its text as written: sections "
            + "(一、), items (1、 1. （1） （一） ...) numbered as written. The same plan again changes nothing (200, unchanged: true); another "
            + "text for the same year is PLAN_ALREADY_IMPORTED; a text that cannot be read is refused naming the line (problem member line).")
    @PostMapping(path = "/plans", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<ImportAnswer> importPlan(@Valid @RequestBody WorkRequests.ImportPlan request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        UnitFacts unit = access.unit("unitId", request.unitId());
        ParsedPlan parsed;
        try {
            parsed = WorkPlanText.parse(request.text());
        } catch (PlanTextException e) {
            throw RuleViolation.invalid(e.code(), "{0}", e.getMessage()).with("line", e.line());
        }
        String id = PlanCommands.planIdOf(unit.unitId(), request.year());
        Optional<ImportAnswer> same = alreadyImported(id, parsed.fingerprint());
        if (same.isPresent()) {
            return ResponseEntity.ok(same.get());
        }
        List<PlanSection> sections = parsed.sections().stream().map(s -> new PlanSection(s.position(), s.no(), s.title(), s.intro(),
                s.items().stream().map(i -> new PlanItem(i.position(), i.no(), i.title(), i.text())).toList())).toList();
        CommandResult result;
        try {
            result = commands.send(id, planId -> new PlanCommands.ImportPlan(planId, unit, request.year(), parsed.title(), parsed.dateLine(),
                    parsed.preamble(), sections, parsed.fingerprint()), access.context(idempotencyKey, "import-plan", request, null));
        } catch (RuleViolation raced) {
            if ("PLAN_ALREADY_IMPORTED".equals(raced.code())) {
                return ResponseEntity.ok(alreadyImported(id, parsed.fingerprint()).orElseThrow(() -> raced));
            }
            throw raced;
        }
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/plans/" + result.id()));
        if (result.replayed()) {
            created.header(CommandResponse.REPLAYED, "true");
        }
        return created.body(new ImportAnswer(result.id(), result.sequence(), false));
    }

    /** The plan of that id imported already: unchanged when its fingerprint is this one, else PLAN_ALREADY_IMPORTED. */
    private Optional<ImportAnswer> alreadyImported(String id, String fingerprint) {
        Optional<Long> head = access.head(id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        String stored = access.firstEvent(id, WorkRecordsReadModel.Kind.PLAN, () -> planNotFound(id)).get("fingerprint").asString();
        if (!fingerprint.equals(stored)) {
            throw RuleViolation.conflict("PLAN_ALREADY_IMPORTED", "The plan of this unit and year was imported from another text already ({0})", id);
        }
        return Optional.of(new ImportAnswer(id, head.get(), true));
    }

    @Operation(summary = "工作要点列表 Plans", description = "Each with its counts of items, tasks, accepted and overdue tasks.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/plans", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<Map<String, Object>>> plans() {
        return Map.of("items", queries.plans(access.today()));
    }

    @Operation(summary = "工作要点看板 The plan board", description = "The plan's sections and items, each item with its tasks, mean progress "
            + "and overdue count.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/plans/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> plan(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, minSequence, () -> planNotFound(id), planId -> queries.plan(planId, access.today()));
    }

    @Operation(summary = "工作要点时间线 A plan's timeline")
    @PreAuthorize(READERS)
    @GetMapping(path = "/plans/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> planTimeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                     @RequestParam(defaultValue = "0") @Min(0) long from,
                                     @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, WorkRecordsReadModel.Kind.PLAN, minSequence, from, limit, () -> planNotFound(id));
    }

    @Operation(summary = "校验 Verify a plan's hash chain")
    @PreAuthorize(READERS)
    @GetMapping(path = "/plans/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verifyPlan(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, WorkRecordsReadModel.Kind.PLAN, () -> planNotFound(id));
    }

    @Operation(summary = "分解任务 Assign a task", description = "From a plan's item (planId and itemPosition) or on a task list (listId): the "
            + "owner unit (and person), the day assigned and the deadline.")
    @PostMapping(path = "/tasks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> assign(@Valid @RequestBody WorkRequests.AssignTask request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        UnitFacts owner = access.unit("ownerUnitId", request.ownerUnitId());
        String planId = AggregateIds.canonicalOrNull("planId", request.planId());
        String listId = AggregateIds.canonicalOrNull("listId", request.listId());
        CommandResult result = commands.send(id, taskId -> new PlanCommands.AssignTask(taskId, planId, request.itemPosition(), listId,
                request.title(), request.description(), owner, request.ownerPerson(), request.assignedOn(), request.deadline()),
                access.context(idempotencyKey, "assign-task", request, request.assignedOn()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/tasks/" + result.id())), result);
    }

    @Operation(summary = "进度报告 Report progress", description = "By committee staff, or the secretary of the branch that owns the task: "
            + "0 to 100 percent, never less than before unless sent back; 100 means done.")
    @PostMapping(path = "/tasks/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> progress(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Progress request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        String acting = WorkAccess.actingBranch();
        CommandResult result = commands.send(id, taskId -> new PlanCommands.ReportProgress(taskId, request.date(), request.percent(),
                request.report(), request.evidence(), acting), access.context(idempotencyKey, "report-progress " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "验收 Review a done task", description = "Accepted, or sent back with the opinion (the task is RETURNED).")
    @PostMapping(path = "/tasks/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> review(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Review request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, taskId -> new PlanCommands.ReviewTask(taskId, request.date(), request.accepted(), request.opinion()),
                access.context(idempotencyKey, "review-task " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "任务列表 Tasks", description = "By deadline; filtered by owner unit, plan, list, state, overdue.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Map<String, Object>> tasks(@RequestParam(required = false) String unit, @RequestParam(required = false) String plan,
                                      @RequestParam(required = false) String list, @RequestParam(required = false) TaskState state,
                                      @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return queries.tasks(new WorkQueries.TaskFilter(AggregateIds.canonicalOrNull("unit", unit), AggregateIds.canonicalOrNull("plan", plan),
                AggregateIds.canonicalOrNull("list", list), state == null ? null : state.name(), overdue), access.today(), page, size);
    }

    @Operation(summary = "任务详情 A task", description = "With its progress reports and reviews.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/tasks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> task(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, minSequence, () -> taskNotFound(id), taskId -> queries.task(taskId, access.today()));
    }

    @Operation(summary = "任务时间线 A task's timeline")
    @PreAuthorize(READERS)
    @GetMapping(path = "/tasks/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> taskTimeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                     @RequestParam(defaultValue = "0") @Min(0) long from,
                                     @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, WorkRecordsReadModel.Kind.TASK, minSequence, from, limit, () -> taskNotFound(id));
    }

    @Operation(summary = "校验 Verify a task's hash chain")
    @PreAuthorize(READERS)
    @GetMapping(path = "/tasks/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verifyTask(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, WorkRecordsReadModel.Kind.TASK, () -> taskNotFound(id));
    }

    @Operation(summary = "制定清单 Draw a list", description = "A unit's responsibility list (责任清单) or task list (任务清单) for a year, or a "
            + "person's (holder).")
    @PostMapping(path = "/responsibility-lists", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> draw(@Valid @RequestBody WorkRequests.DrawList request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        UnitFacts unit = access.unit("unitId", request.unitId());
        CommandResult result = commands.send(id, listId -> new PlanCommands.DrawList(listId, request.kind(), unit, request.year(), request.holder(),
                request.title()), access.context(idempotencyKey, "draw-list", request, null));
        return CommandResponse.of(ResponseEntity.created(URI.create("/responsibility-lists/" + result.id())), result);
    }

    @Operation(summary = "添加责任 Add a duty", description = "To a responsibility list, numbered 1.. (a task list's entries are tasks).")
    @PostMapping(path = "/responsibility-lists/{id}/entries", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> addEntry(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Entry request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, listId -> new PlanCommands.AddEntry(listId, request.text(), request.basis()),
                access.context(idempotencyKey, "add-entry " + id, request, null));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "清单列表 Lists", description = "Filtered by unit, year and kind; newest year first.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/responsibility-lists", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Map<String, Object>> lists(@RequestParam(required = false) String unit, @RequestParam(required = false) @Min(1921) @Max(2100) Integer year,
                                      @RequestParam(required = false) ResponsibilityListKind kind, @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return queries.responsibilityLists(new WorkQueries.ListFilter(AggregateIds.canonicalOrNull("unit", unit), year,
                kind == null ? null : kind.name()), access.today(), page, size);
    }

    @Operation(summary = "清单详情 A list", description = "Its duties, or for a task list its tasks.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/responsibility-lists/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, minSequence, () -> listNotFound(id), listId -> queries.responsibilityList(listId, access.today()));
    }

    @Operation(summary = "清单时间线 A list's timeline")
    @PreAuthorize(READERS)
    @GetMapping(path = "/responsibility-lists/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> listTimeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                     @RequestParam(defaultValue = "0") @Min(0) long from,
                                     @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, WorkRecordsReadModel.Kind.LIST, minSequence, from, limit, () -> listNotFound(id));
    }

    @Operation(summary = "校验 Verify a list's hash chain")
    @PreAuthorize(READERS)
    @GetMapping(path = "/responsibility-lists/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verifyList(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, WorkRecordsReadModel.Kind.LIST, () -> listNotFound(id));
    }

    /** A task's states, for the list's filter. */
    enum TaskState { ASSIGNED, IN_PROGRESS, DONE, RETURNED, ACCEPTED }

    static RuleViolation planNotFound(String id) {
        return RuleViolation.notFound("PLAN_NOT_FOUND", "There is no plan {0}", id);
    }

    static RuleViolation taskNotFound(String id) {
        return RuleViolation.notFound("TASK_NOT_FOUND", "There is no task {0}", id);
    }

    static RuleViolation listNotFound(String id) {
        return RuleViolation.notFound("LIST_NOT_FOUND", "There is no list {0}", id);
    }
}
