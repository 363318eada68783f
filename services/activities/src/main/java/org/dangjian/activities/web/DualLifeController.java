package org.dangjian.activities.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.activities.command.AssignDualLifeCommand;
import org.dangjian.activities.command.EndDualLifeCommand;
import org.dangjian.activities.query.ActivityQueries;
import org.dangjian.activities.query.ActivityTimelinesReadModel;
import org.dangjian.activities.query.DualLifeQueries;
import org.dangjian.activities.query.DualLifeReadModel;
import org.dangjian.activities.query.DualLifeView;
import org.dangjian.activities.query.ReadScope;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.security.Roles;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.web.CommandResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leading cadres' dual organisational life (双重组织生活): the party committee's staff assign a leading cadre to a branch
 * besides his own (his contact branch) and end it; the branch then lists him for attendance at its activities on days
 * it applies, and his attendance there counts in that branch's records and in his own participation. Read by committee
 * staff, auditors and discipline inspectors (all), a branch secretary (the cadres in his branch and his branch's cadres
 * elsewhere) and a party member (his own).
 */
@RestController
@Tag(name = "双重组织生活 Dual organisational life")
class DualLifeController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String READERS = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER', 'AUDITOR', 'DISCIPLINE_INSPECTOR')";

    private final CommandDispatcher commands;
    private final DualLifeQueries queries;
    private final ActivityQueries timelines;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier verifier;
    private final OrganisationUnitsReadModel branches;
    private final MemberDirectoryReadModel directory;

    DualLifeController(CommandDispatcher commands, DualLifeQueries queries, ActivityQueries timelines, ReadYourWrites readYourWrites,
                       ChainVerifier verifier, OrganisationUnitsReadModel branches, MemberDirectoryReadModel directory) {
        this.commands = commands;
        this.queries = queries;
        this.timelines = timelines;
        this.readYourWrites = readYourWrites;
        this.verifier = verifier;
        this.branches = branches;
        this.directory = directory;
    }

    @Operation(summary = "安排双重组织生活 Assign a leading cadre to a branch's organisational life", description = "Committee staff: "
            + "the cadre (a member the members service published, still on the platform), a branch (党支部) published and not dissolved "
            + "that is not his own, his post, the first day and the basis. One record per member and branch (its id the name-based "
            + "UUID of dual-life|<memberId>|<branchId>), assigned again after it ended (from a later day). Send an Idempotency-Key to "
            + "retry safely.")
    @PostMapping(path = "/dual-lives", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COMMITTEE_STAFF')")
    ResponseEntity<CommandResponse> assign(@Valid @RequestBody ActivityRequests.AssignDualLife request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String memberId = AggregateIds.canonical("memberId", request.memberId());
        String branchId = AggregateIds.canonical("branchId", request.branchId());
        MemberDirectoryReadModel.Member member = directory.member(memberId).orElseThrow(() -> RuleViolation.notFound("MEMBER_NOT_FOUND",
                "There is no member {0}", memberId));
        if (member.branchId() == null) {
            throw RuleViolation.conflict("MEMBER_LEFT_PLATFORM", "Member {0} was transferred to an organisation outside the platform; no dual "
                    + "organisational life can be assigned", memberId);
        }
        branches.requireActiveBranch(branchId);
        String id = AssignDualLifeCommand.idOf(memberId, branchId);
        CommandResult result = commands.send(id, assignmentId -> new AssignDualLifeCommand(assignmentId, memberId, member.branchId(), branchId,
                request.position(), request.since(), request.basis()), context(idempotencyKey, "assign-dual-life " + id, request));
        return CommandResponse.of(ResponseEntity.created(URI.create("/dual-lives/" + result.id())), result);
    }

    @Operation(summary = "结束双重组织生活 End it", description = "Committee staff: the last day it applied (not before its first day, "
            + "not in the future) and the reason. What he attended there stays counted.")
    @PostMapping(path = "/dual-lives/{id}/ending", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COMMITTEE_STAFF')")
    ResponseEntity<CommandResponse> end(@PathVariable("id") String path, @Valid @RequestBody ActivityRequests.EndDualLife request,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, assignmentId -> new EndDualLifeCommand(assignmentId, request.until(), request.reason()),
                context(idempotencyKey, "end-dual-life " + id, request));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "双重组织生活列表 Dual organisational life records", description = "Of a branch (the cadres taking part in "
            + "its organisational life), of a member, or all the caller sees; only those that apply now with active=true, only ended "
            + "ones with active=false. Ordered by member, then branch. Pass assignment and minSequence to wait until that change shows.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/dual-lives", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DualLifeView> list(@Parameter(description = "a branch's id") @RequestParam(required = false) String branch,
                            @Parameter(description = "a member's id") @RequestParam(required = false) String member,
                            @RequestParam(required = false) Boolean active,
                            @Parameter(description = "a record whose change to wait for") @RequestParam(required = false) String assignment,
                            @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        String memberId = member == null ? null : AggregateIds.canonical("member", member);
        ReadScope scope = ReadScope.of(Caller.current());
        if (assignment != null) {
            String assignmentId = AggregateIds.canonical("assignment", assignment);
            awaitVisible(DualLifeReadModel.NAME, assignmentId, minSequence, scope);
        }
        return queries.list(branchId, memberId, active, scope);
    }

    @Operation(summary = "双重组织生活详情 A dual organisational life record", description = "The cadre, his own branch, the branch, "
            + "whether it applies now, the current or last period and every period.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/dual-lives/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    DualLifeView record(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(DualLifeReadModel.NAME, id, minSequence, scope);
        return queries.record(id, scope).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "双重组织生活时间线 A record's timeline", description = "Every event, oldest first, as an activity's timeline "
            + "(from, limit ≤ 500, next).")
    @PreAuthorize(READERS)
    @GetMapping(path = "/dual-lives/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        readYourWrites.await(ActivityTimelinesReadModel.NAME, id, minSequence, () -> notFound(id));
        awaitVisible(DualLifeReadModel.NAME, id, minSequence, scope);
        return timelines.timeline(id, from, limit).orElseThrow(() -> notFound(id)).answer("assignmentId", id);
    }

    @Operation(summary = "校验 Verify a record's hash chain", description = "Walks the record's stream in the event store and names the "
            + "first event that does not match its hash.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/dual-lives/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        if (!queries.visible(id, ReadScope.of(Caller.current()))) {
            throw notFound(id);
        }
        return verifier.verifyExisting(id, () -> notFound(id));
    }

    /** Read your writes, without telling a caller anything of a record outside his scope (not even that it exists). */
    private void awaitVisible(String model, String id, Long minSequence, ReadScope scope) {
        readYourWrites.awaitVisible(model, id, minSequence, () -> queries.visible(id, scope), () -> notFound(id));
    }

    private static CommandContext context(String idempotencyKey, String operation, Object request) {
        return CommandContext.of(idempotencyKey, operation, request, null).actingAs(Roles.COMMITTEE_STAFF);
    }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("DUAL_LIFE_NOT_FOUND", "There is no dual organisational life record {0}", id);
    }
}
