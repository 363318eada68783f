package org.dangjian.organisation.web;

import java.net.URI;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.organisation.command.DissolveOrganisationUnitCommand;
import org.dangjian.organisation.command.EstablishOrganisationUnitCommand;
import org.dangjian.organisation.command.OrganisationUnitId;
import org.dangjian.organisation.command.RenameOrganisationUnitCommand;
import org.dangjian.organisation.query.BranchRostersReadModel;
import org.dangjian.organisation.query.OrganisationQueries;
import org.dangjian.organisation.query.OrganisationUnitsReadModel;
import org.dangjian.organisation.query.TreeNode;
import org.dangjian.organisation.query.UnitListItem;
import org.dangjian.organisation.query.UnitStatus;
import org.dangjian.organisation.query.UnitTimelinesReadModel;
import org.dangjian.organisation.query.UnitView;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
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
 * The organisation tree's API. Commands (party committee staff only) answer with the unit's id and new sequence;
 * queries (any signed-in role) take {@code minSequence} to wait until the read model shows that change.
 */
@RestController
@Tag(name = "组织 Organisation units")
class OrganisationUnitController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String COMMITTEE_STAFF = "hasRole('COMMITTEE_STAFF')";
    /** The longest text a list is searched for, in code points (a name has at most 100). */
    static final int MAX_QUERY_TEXT = 100;
    static final int MAX_PAGE_SIZE = 200;

    private final CommandDispatcher commands;
    private final OrganisationQueries queries;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier verifier;
    private final BranchRostersReadModel rosters;

    OrganisationUnitController(CommandDispatcher commands, OrganisationQueries queries, ReadYourWrites readYourWrites, ChainVerifier verifier,
                               BranchRostersReadModel rosters) {
        this.commands = commands;
        this.rosters = rosters;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.verifier = verifier;
    }

    /** Enum parameters by a constant's exact name only. */
    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, OrganisationUnitKind.class);
        StrictParameters.exactEnum(binder, UnitStatus.class);
    }

    /** The answer to a command. */

    @Operation(summary = "成立组织 Establish a unit", description = "Under a parent unit; a committee may stand at the top. "
            + "Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/units", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(COMMITTEE_STAFF)
    ResponseEntity<CommandResponse> establish(@Valid @RequestBody OrganisationRequests.EstablishUnit request,
                                              @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : OrganisationUnitId.random().value();
        String parentId = AggregateIds.canonicalOrNull("parentId", request.parentId());
        CommandResult result = commands.send(id, unitId -> new EstablishOrganisationUnitCommand(new OrganisationUnitId(unitId),
                        request.kind(), request.massOrganisationType(), request.name(),
                        parentId == null ? null : new OrganisationUnitId(parentId), request.reason()),
                CommandContext.of(idempotencyKey, "establish-unit", request, request.occurredAt()).actingAs(Roles.COMMITTEE_STAFF));
        return CommandResponse.of(ResponseEntity.created(URI.create("/units/" + result.id())), result);
    }

    @Operation(summary = "组织更名 Rename a unit")
    @PostMapping(path = "/units/{id}/rename", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(COMMITTEE_STAFF)
    ResponseEntity<CommandResponse> rename(@PathVariable("id") String path, @Valid @RequestBody OrganisationRequests.RenameUnit request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, unitId -> new RenameOrganisationUnitCommand(new OrganisationUnitId(unitId), request.name(),
                request.reason()), CommandContext.of(idempotencyKey, "rename-unit " + id, request, request.occurredAt()).actingAs(Roles.COMMITTEE_STAFF));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "撤销组织 Dissolve a unit", description = "Only a unit without active subordinate units.")
    @PostMapping(path = "/units/{id}/dissolve", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(COMMITTEE_STAFF)
    ResponseEntity<CommandResponse> dissolve(@PathVariable("id") String path, @Valid @RequestBody OrganisationRequests.DissolveUnit request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, unitId -> new DissolveOrganisationUnitCommand(new OrganisationUnitId(unitId),
                request.reason()), CommandContext.of(idempotencyKey, "dissolve-unit " + id, request, request.occurredAt()).actingAs(Roles.COMMITTEE_STAFF));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "组织树 The organisation tree", description = "From the top-level committees down. Pass unit and minSequence "
            + "to wait until that change shows.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/tree", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<TreeNode>> tree(@RequestParam(defaultValue = "false") boolean includeDissolved,
                                     @Parameter(description = "a unit whose change to wait for") @RequestParam(required = false) String unit,
                                     @RequestParam(required = false) @Min(0) Long minSequence) {
        if (unit != null) {
            String id = AggregateIds.canonical("unit", unit);
            readYourWrites.await(OrganisationUnitsReadModel.NAME, id, minSequence, () -> unitNotFound(id));
        }
        return Map.of("units", queries.tree(includeDissolved));
    }

    @Operation(summary = "组织列表 Units, a page at a time", description = "Under a parent (its id, or top for the top-level units) "
            + "or anywhere (no parent), filtered by text in the name (q: case-insensitive, literal, at most 100 characters), kind "
            + "and status; in the tree's order (kind, name, id). Each unit with its parent's name and its subordinates: all ever "
            + "established under it, and those not dissolved. Pass unit and minSequence to wait until that change shows.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/units", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<UnitListItem> units(@Parameter(description = "a unit's id (its direct subordinates) or top (the top-level units); "
                                       + "absent: every unit") @RequestParam(required = false) String parent,
                               @Parameter(description = "text the name contains, ignoring case; taken literally")
                               @RequestParam(required = false) String q,
                               @RequestParam(required = false) OrganisationUnitKind kind,
                               @RequestParam(required = false) UnitStatus status,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                               @Parameter(description = "a unit whose change to wait for") @RequestParam(required = false) String unit,
                               @RequestParam(required = false) @Min(0) Long minSequence) {
        String parentId = parent == null ? null : "top".equals(parent) ? OrganisationQueries.TOP_LEVEL : AggregateIds.canonical("parent", parent);
        String text = q == null ? null : Normalizer.normalize(q, Normalizer.Form.NFC);
        if (text != null && (text.codePointCount(0, text.length()) > MAX_QUERY_TEXT || text.chars().anyMatch(Character::isISOControl))) {
            // longer than any name, or with a control character no name holds (MongoDB refuses a NUL in a pattern)
            throw RuleViolation.invalid("INVALID_PARAMETER", "The value of parameter {0} is not valid", "q");
        }
        if (unit != null) {
            String id = AggregateIds.canonical("unit", unit);
            readYourWrites.await(OrganisationUnitsReadModel.NAME, id, minSequence, () -> unitNotFound(id));
        }
        return queries.units(new OrganisationQueries.UnitFilter(parentId, text, kind, status), page, size)
                .orElseThrow(() -> unitNotFound(parentId));
    }

    @Operation(summary = "组织详情 One unit", description = "With its parent and subordinate units in brief.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/units/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    UnitView unit(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        readYourWrites.await(OrganisationUnitsReadModel.NAME, id, minSequence, () -> unitNotFound(id));
        return queries.unit(id).orElseThrow(() -> unitNotFound(id));
    }

    @Operation(summary = "组织时间线 A unit's timeline", description = "Every event, oldest first: actor, business and recorded time, "
            + "correlation, causation, sequence and hash chain; a page at a time (from, limit ≤ 500), next names where the next page "
            + "begins (absent on the last).")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/units/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        readYourWrites.await(UnitTimelinesReadModel.NAME, id, minSequence, () -> unitNotFound(id));
        TimelineStore.Page page = queries.timeline(id, from, limit).orElseThrow(() -> unitNotFound(id));
        return page.answer("unitId", id);
    }

    @Operation(summary = "支部党员名册 A unit's roster", description = "The members who belong to the unit (a branch), as the members "
            + "service published them: how many stand at each stage of the way into the party, the party members among them "
            + "(probationary and full), and a page of them, full members first, then by name. It follows transfers: a member "
            + "moves when the receiving branch receives him. No personal data but the name.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/units/{id}/roster", produces = MediaType.APPLICATION_JSON_VALUE)
    BranchRostersReadModel.Roster roster(@PathVariable("id") String path, @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String id = AggregateIds.canonical("id", path);
        if (queries.unit(id).isEmpty()) {
            throw unitNotFound(id);
        }
        return rosters.roster(id, page, size);
    }

    @Operation(summary = "校验 Verify a unit's hash chain", description = "Walks the unit's stream in the event store and names the "
            + "first event that does not match its hash.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/units/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return verifier.verifyExisting(id, () -> unitNotFound(id));
    }


    private static RuleViolation unitNotFound(String id) {
        return RuleViolation.notFound("UNIT_NOT_FOUND", "There is no organisation unit {0}", id);
    }
}
