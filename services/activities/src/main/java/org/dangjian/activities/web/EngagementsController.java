package org.dangjian.activities.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.activities.command.ActivityRules;
import org.dangjian.activities.command.CompleteDeedCommand;
import org.dangjian.activities.command.CorrectEngagementCommand;
import org.dangjian.activities.command.RecordEngagementCommand;
import org.dangjian.activities.query.ActivityQueries;
import org.dangjian.activities.query.ActivityTimelinesReadModel;
import org.dangjian.activities.query.EngagementListItem;
import org.dangjian.activities.query.EngagementQueries;
import org.dangjian.activities.query.EngagementView;
import org.dangjian.activities.query.EngagementsReadModel;
import org.dangjian.activities.query.ReadScope;
import org.dangjian.contracts.activities.EngagementKind;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.security.BranchScope;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.web.CommandResponse;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.security.Roles;
import org.dangjian.runtime.web.AggregateIds;
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
 * The learning and practice records' API (学习与实践: 学习教育, "我为群众办实事", 调研报告, 群众性活动): recorded,
 * completed (a deed) and corrected by committee staff for any branch and by a branch secretary for his own; listed,
 * shown, their timelines and hash chains read as the activities are ({@link Caller}). A record of another branch does
 * not exist for a secretary (404 {@code ENGAGEMENT_NOT_FOUND}).
 */
@RestController
@Tag(name = "学习与实践 Learning and practice records")
class EngagementsController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String STAFF_OR_SECRETARY = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY')";
    private static final String BOARD_READERS = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'AUDITOR', 'DISCIPLINE_INSPECTOR')";

    private final CommandDispatcher commands;
    private final EngagementQueries queries;
    private final ActivityQueries timelines;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier verifier;
    private final OrganisationUnitsReadModel branches;
    private final MemberDirectoryReadModel directory;
    private final ActivityRules rules;

    EngagementsController(CommandDispatcher commands, EngagementQueries queries, ActivityQueries timelines, ReadYourWrites readYourWrites,
                          ChainVerifier verifier, OrganisationUnitsReadModel branches, MemberDirectoryReadModel directory, ActivityRules rules) {
        this.commands = commands;
        this.queries = queries;
        this.timelines = timelines;
        this.readYourWrites = readYourWrites;
        this.verifier = verifier;
        this.branches = branches;
        this.directory = directory;
        this.rules = rules;
    }

    /** Enum parameters by a constant's exact name only. */
    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, EngagementKind.class);
    }

    @Operation(summary = "学习与实践登记 Record learning, a deed, a research report or a mass activity", description = "For a branch "
            + "(党支部) the organisation service published and has not dissolved: kind, title, day (not in the future), hours per "
            + "participant (0.5 to 24 in steps of 0.5; a report may have none), participants (1 to 500, each once), evidence "
            + "references (0 to 20), description; learning names its form, a report its authors (among the participants) and "
            + "summary, a mass activity may name its organising unit (a branch or a mass organisation). A deed is recorded as "
            + "committed and completed later. A branch secretary records his own branch's, with its members. Send an "
            + "Idempotency-Key to retry safely.")
    @PostMapping(path = "/engagements", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> record(@Valid @RequestBody EngagementRequests.RecordEngagement request,
                                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String branchId = AggregateIds.canonical("branchId", request.branchId());
        String organiserId = request.organiserId() == null ? null : AggregateIds.canonical("organiserId", request.organiserId());
        List<String> participants = ids("participants", request.participants());
        List<String> authors = ids("authors", request.authors());
        BranchScope scope = Caller.current().commandScope();
        if (scope.covers(branchId)) {
            branches.requireActiveBranch(branchId);
            if (organiserId != null) {
                requireOrganiser(organiserId);
            }
            requireMembers(scope, participants);
            requireMembers(scope, authors);
        }
        CommandResult result = commands.send(id, engagementId -> new RecordEngagementCommand(engagementId, request.kind(), branchId, organiserId,
                request.title(), request.date(), request.hours(), participants, request.evidence(), request.description(), request.learningForm(),
                authors, request.summary(), scope), context(idempotencyKey, "record-engagement", request, request.date(), scope));
        return CommandResponse.of(ResponseEntity.created(URI.create("/engagements/" + result.id())), result);
    }

    @Operation(summary = "办结 Complete a deed", description = "A \"我为群众办实事\" deed committed earlier is completed, once: the day "
            + "(not before it was committed, not in the future) and the result.")
    @PostMapping(path = "/engagements/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> complete(@PathVariable("id") String path, @Valid @RequestBody EngagementRequests.CompleteDeed request,
                                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        BranchScope scope = Caller.current().commandScope();
        CommandResult result = commands.send(id, engagementId -> new CompleteDeedCommand(engagementId, request.date(), request.result(), scope),
                context(idempotencyKey, "complete-deed " + id, request, request.date(), scope));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "更正 Correct a record", description = "The reason and only the fields that change (a list given replaces the "
            + "whole list; evidence [] for none); recorded as EngagementCorrected naming the changed fields, the earlier record kept. "
            + "A correction that changes nothing is refused (ENGAGEMENT_UNCHANGED).")
    @PostMapping(path = "/engagements/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> correct(@PathVariable("id") String path, @Valid @RequestBody EngagementRequests.CorrectEngagement request,
                                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        String organiserId = request.organiserId() == null ? null : AggregateIds.canonical("organiserId", request.organiserId());
        List<String> participants = ids("participants", request.participants());
        List<String> authors = ids("authors", request.authors());
        BranchScope scope = Caller.current().commandScope();
        String branchId = queries.document(id).map(doc -> doc.getString("branchId")).orElse(null);
        if (branchId != null && scope.covers(branchId)) {
            if (organiserId != null && !organiserId.equals(branchId)) {
                requireOrganiser(organiserId);
            }
            requireMembers(scope, participants);
            requireMembers(scope, authors);
        }
        CommandResult result = commands.send(id, engagementId -> new CorrectEngagementCommand(engagementId, request.reason(), request.title(),
                request.date(), request.hours(), participants, request.evidence(), request.description(), request.learningForm(), authors,
                request.summary(), organiserId, request.completedOn(), request.result(), scope),
                context(idempotencyKey, "correct-engagement " + id, request, null, scope));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "学习与实践列表 Learning and practice records", description = "The records the caller sees (a secretary his "
            + "branch's), filtered by kind, branch and days (from, to: inclusive), newest first, then by id, a page at a time. Pass "
            + "engagement and minSequence to wait until that change shows.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/engagements", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<EngagementListItem> engagements(@RequestParam(required = false) EngagementKind kind,
                                           @Parameter(description = "a branch's id") @RequestParam(required = false) String branch,
                                           @Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @Parameter(description = "last day, yyyy-MM-dd") @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(ActivitiesController.MAX_PAGE_SIZE) int size,
                                           @Parameter(description = "a record whose change to wait for") @RequestParam(required = false)
                                           String engagement,
                                           @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        ReadScope scope = ReadScope.of(Caller.current());
        if (engagement != null) {
            awaitVisible(EngagementsReadModel.NAME, AggregateIds.canonical("engagement", engagement), minSequence, scope);
        }
        return queries.list(new EngagementQueries.Filter(branchId, kind, from, to), scope, page, size);
    }

    @Operation(summary = "学习与实践详情 A learning and practice record", description = "As it stands after its corrections: participants "
            + "and authors by name, evidence, a deed's completion, and each correction (reason, when, which fields).")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/engagements/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    EngagementView engagement(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(EngagementsReadModel.NAME, id, minSequence, scope);
        return queries.engagement(id, scope).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "学习与实践时间线 A record's timeline", description = "Every event, oldest first: actor, business and recorded "
            + "time, correlation, causation, sequence and hash chain; a page at a time (from, limit ≤ 500), next names where the next "
            + "page begins (absent on the last).")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/engagements/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(ActivityTimelinesReadModel.NAME, id, minSequence, scope);
        if (!scope.all()) {
            if (minSequence != null) {
                awaitVisible(EngagementsReadModel.NAME, id, minSequence, scope);
            }
            if (!queries.visible(id, scope)) {
                throw notFound(id);
            }
        }
        TimelineStore.Page page = timelines.timeline(id, from, limit).filter(p -> queries.document(id).isPresent())
                .orElseThrow(() -> notFound(id));
        return page.answer("engagementId", id);
    }

    @Operation(summary = "校验 Verify a record's hash chain", description = "Walks the record's stream in the event store and names the "
            + "first event that does not match its hash.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/engagements/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        if (!queries.visible(id, scope)) {
            throw notFound(id);
        }
        return verifier.verifyExisting(id, () -> notFound(id));
    }


    /** A mass activity's organising unit: a branch or a mass organisation (工会, 团支部, 妇委会) published and not dissolved. */
    private void requireOrganiser(String unitId) {
        OrganisationUnitsReadModel.Unit unit = branches.unit(unitId).orElseThrow(() -> RuleViolation.notFound("ORGANISER_UNKNOWN",
                "There is no organisation unit {0} (a unit established a moment ago shows within seconds)", unitId));
        if (!unit.isBranch() && !"MASS_ORGANISATION".equals(unit.kind())) {
            throw RuleViolation.conflict("ORGANISER_NOT_ELIGIBLE", "{1} is a {3}: a mass activity is organised by a branch or a mass "
                    + "organisation", unitId, unit.name(), OrganisationUnitsReadModel.KIND_NAMES.getOrDefault(unit.kind(), unit.kind()),
                    unit.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (unit.dissolved()) {
            throw RuleViolation.conflict("ORGANISER_DISSOLVED", "{1} is dissolved and organises nothing", unitId, unit.name());
        }
    }

    /** A secretary names members of his branch only, as the members service published them. */
    private void requireMembers(BranchScope scope, List<String> memberIds) {
        if (scope.branchId() == null || memberIds == null || memberIds.isEmpty()) {
            return;
        }
        Map<String, MemberDirectoryReadModel.Member> known = directory.members(memberIds);
        for (String memberId : memberIds) {
            MemberDirectoryReadModel.Member member = known.get(memberId);
            if (member == null || !scope.covers(member.branchId())) {
                throw RuleViolation.notFound("MEMBER_NOT_FOUND", "There is no member {0}", memberId);
            }
        }
    }

    private static List<String> ids(String field, List<String> given) {
        if (given == null) {
            return null;
        }
        List<String> ids = new ArrayList<>(given.size());
        for (String id : given) {
            ids.add(AggregateIds.canonical(field, id));
        }
        return ids;
    }

    /** Read your writes, without telling a caller anything of a record outside his scope (not even that it exists). */
    private void awaitVisible(String model, String id, Long minSequence, ReadScope scope) {
        readYourWrites.awaitVisible(model, id, minSequence, () -> scope.all() || queries.visible(id, scope), () -> notFound(id));
    }

    /** Business time the day at 00:00 in the service's zone, when not in the future; a secretary acts as one, staff as staff. */
    private CommandContext context(String idempotencyKey, String operation, Object request, LocalDate day, BranchScope scope) {
        Instant occurredAt = day == null ? null : day.atStartOfDay(rules.zone()).toInstant();
        if (occurredAt != null && occurredAt.isAfter(rules.clock().instant())) {
            occurredAt = null;
        }
        return CommandContext.of(idempotencyKey, operation, request, occurredAt)
                .actingAs(scope.branchId() == null ? Roles.COMMITTEE_STAFF : Roles.BRANCH_SECRETARY);
    }


    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("ENGAGEMENT_NOT_FOUND", "There is no learning and practice record {0}", id);
    }
}
