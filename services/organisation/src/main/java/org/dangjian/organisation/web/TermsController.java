package org.dangjian.organisation.web;

import static org.dangjian.organisation.web.WorkAccess.IDEMPOTENCY_KEY;
import static org.dangjian.organisation.web.WorkAccess.MAX_PAGE_SIZE;
import static org.dangjian.organisation.web.WorkAccess.READERS;
import static org.dangjian.organisation.web.WorkAccess.STAFF;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.contracts.organisation.CommitteeMember;
import org.dangjian.organisation.command.TermCommands;
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
 * Branch committee terms and elections (换届选举): a term recorded as in office, an election called, held and
 * approved, by committee staff; terms listed by due day with their warnings (docs/organisation.md).
 */
@RestController
@Tag(name = "换届选举 Terms and elections")
class TermsController {

    private final CommandDispatcher commands;
    private final WorkQueries queries;
    private final WorkAccess access;

    TermsController(CommandDispatcher commands, WorkQueries queries, WorkAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, TermState.class);
        StrictParameters.exactEnum(binder, TermWarning.class);
    }

    @Operation(summary = "任期登记 Record a term in office", description = "A committee elected before the platform: the unit (a committee, general "
            + "branch or branch), the day the term began, 3 or 5 years, the seats (party members on the unit's roster: one secretary, at most "
            + "two deputies), the approval document. Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/terms", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> record(@Valid @RequestBody WorkRequests.RecordTerm request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        UnitFacts unit = access.unit("unitId", request.unitId());
        requireNoElectionInProgress(unit);
        List<CommitteeMember> committee = new ArrayList<>();
        for (WorkRequests.Seat seat : request.committee()) {
            committee.add(new CommitteeMember(seat.memberId(), access.fullMember(unit, seat.memberId()).name(), seat.position()));
        }
        CommandResult result = commands.send(id, termId -> new TermCommands.RecordTerm(termId, unit, request.startedOn(), request.termYears(),
                committee, request.basis()), access.context(idempotencyKey, "record-term", request, request.startedOn()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/terms/" + result.id())), result);
    }

    @Operation(summary = "召开选举 Call an election", description = "For a unit without an election in progress: the day called, the election "
            + "day, the new term's years and the committee's seats (3 to 9).")
    @PostMapping(path = "/elections", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> call(@Valid @RequestBody WorkRequests.CallElection request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        UnitFacts unit = access.unit("unitId", request.unitId());
        requireNoElectionInProgress(unit);
        CommandResult result = commands.send(id, termId -> new TermCommands.CallElection(termId, unit, request.calledOn(), request.electionDate(),
                request.termYears(), request.seats(), request.basis()), access.context(idempotencyKey, "call-election", request, request.calledOn()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/terms/" + result.id())), result);
    }

    @Operation(summary = "选举结果 Record the election held", description = "Who could vote, who voted (more than four fifths), each candidate's "
            + "votes (party members on the roster), the secretary and deputies among the elected.")
    @PostMapping(path = "/terms/{id}/result", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> result(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.ElectionResult request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        UnitFacts unit = access.unit("unitId", access.firstEvent(id, WorkRecordsReadModel.Kind.TERM, () -> notFound(id)).get("unitId").asString());
        List<TermCommands.Candidate> candidates = new ArrayList<>();
        for (WorkRequests.CandidateVotes candidate : request.candidates()) {
            candidates.add(new TermCommands.Candidate(candidate.memberId(), access.fullMember(unit, candidate.memberId()).name(), candidate.votes()));
        }
        List<String> deputies = request.deputyIds() == null ? List.of() : request.deputyIds().stream().map(d -> AggregateIds.canonical("deputyIds", d)).toList();
        if (new HashSet<>(candidates.stream().map(TermCommands.Candidate::memberId).toList()).size() != candidates.size()) {
            throw RuleViolation.invalid("INVALID_CANDIDATES", "Each candidate is named once");
        }
        CommandResult result = commands.send(id, termId -> new TermCommands.HoldElection(termId, request.heldOn(), request.eligibleVoters(),
                request.votesCast(), candidates, AggregateIds.canonical("secretaryId", request.secretaryId()), deputies),
                access.context(idempotencyKey, "hold-election " + id, request, request.heldOn()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "选举批复 Approve the result", description = "By the higher committee: the term is in office from the election day.")
    @PostMapping(path = "/terms/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> approve(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Approval request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, termId -> new TermCommands.ApproveElection(termId, request.approvedOn(), request.approvedBy(),
                request.basis()), access.context(idempotencyKey, "approve-election " + id, request, request.approvedOn()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "任期列表 Terms by due day", description = "With each unit's term in office warned OVERDUE (past its due day) or "
            + "DUE_SOON (within 90 days); warning=ANY lists both. Elections in progress come after, by election day.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/terms", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Map<String, Object>> list(@RequestParam(required = false) String unit, @RequestParam(required = false) TermState state,
                                     @RequestParam(required = false) TermWarning warning, @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String unitId = unit == null ? null : AggregateIds.canonical("unit", unit);
        return queries.terms(new WorkQueries.TermFilter(unitId, state == null ? null : state.name(), warning == null ? null : warning.name()),
                access.today(), page, size);
    }

    @Operation(summary = "任期详情 A term", description = "As it stands, with its election and warning.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/terms/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> term(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, minSequence, () -> notFound(id), termId -> queries.term(termId, access.today()));
    }

    @Operation(summary = "任期时间线 A term's timeline", description = "Every event, oldest first (from, limit ≤ 500).")
    @PreAuthorize(READERS)
    @GetMapping(path = "/terms/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, WorkRecordsReadModel.Kind.TERM, minSequence, from, limit, () -> notFound(id));
    }

    @Operation(summary = "校验 Verify a term's hash chain")
    @PreAuthorize(READERS)
    @GetMapping(path = "/terms/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, WorkRecordsReadModel.Kind.TERM, () -> notFound(id));
    }

    private void requireNoElectionInProgress(UnitFacts unit) {
        if (queries.electionInProgress(unit.unitId())) {
            throw RuleViolation.conflict("ELECTION_IN_PROGRESS", "{0} has an election in progress: approve it first", unit.name());
        }
    }

    /** A term's states, for the list's filter. */
    enum TermState { CALLED, ELECTED, IN_OFFICE, SUPERSEDED }

    /** The warnings, for the list's filter. */
    enum TermWarning { OVERDUE, DUE_SOON, ANY }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("TERM_NOT_FOUND", "There is no term {0}", id);
    }
}
