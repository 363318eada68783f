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
import org.dangjian.contracts.discipline.TalkKind;
import org.dangjian.discipline.command.TalkCommands;
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
 * Talks and written inquiries (谈话函询) with members: a talk held and concluded, an inquiry issued, answered and
 * concluded, by discipline inspectors; read by them and auditors (every read logged).
 */
@RestController
@Tag(name = "谈话函询 Talks and inquiries")
class TalksController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandDispatcher commands;
    private final DisciplineQueries queries;
    private final RecordAccess access;

    TalksController(CommandDispatcher commands, DisciplineQueries queries, RecordAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, TalkKind.class);
        StrictParameters.exactEnum(binder, TalkState.class);
    }

    @Operation(summary = "谈话 Record a talk held", description = "An integrity talk, interview, admonishment talk or \"红脸出汗\" reminder with a "
            + "member the members service published: the day (not in the future), who talked, what was said, the basis. Send an "
            + "Idempotency-Key to retry safely.")
    @PostMapping(path = "/talks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> hold(@Valid @RequestBody DisciplineRequests.HoldTalk request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String memberId = access.requireMember(request.memberId());
        CommandResult result = commands.send(id, talkId -> new TalkCommands.HoldTalk(talkId, request.kind(), memberId, request.date(),
                request.talkers(), request.content(), request.basis()), access.context(idempotencyKey, "hold-talk", request, request.date()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/talks/" + result.id())), result);
    }

    @Operation(summary = "函询 Issue a written inquiry", description = "To a member the members service published: the day issued (not in the "
            + "future), the questions, the day the answer is due, the basis. A record of /talks.")
    @PostMapping(path = "/inquiries", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> issue(@Valid @RequestBody DisciplineRequests.IssueInquiry request,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String memberId = access.requireMember(request.memberId());
        CommandResult result = commands.send(id, talkId -> new TalkCommands.IssueInquiry(talkId, memberId, request.date(), request.questions(),
                request.dueDate(), request.basis()), access.context(idempotencyKey, "issue-inquiry", request, request.date()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/talks/" + result.id())), result);
    }

    @Operation(summary = "函询回复 Record the answer", description = "The member's written answer to an inquiry, once.")
    @PostMapping(path = "/talks/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> answer(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.AnswerInquiry request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, talkId -> new TalkCommands.AnswerInquiry(talkId, request.date(), request.answer()),
                access.context(idempotencyKey, "answer-inquiry " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "了结 Conclude a talk or inquiry", description = "With its outcome; an inquiry once answered (INQUIRY_NOT_ANSWERED).")
    @PostMapping(path = "/talks/{id}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(INSPECTOR)
    ResponseEntity<CommandResponse> conclude(@PathVariable("id") String path, @Valid @RequestBody DisciplineRequests.ConcludeTalk request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, talkId -> new TalkCommands.ConcludeTalk(talkId, request.date(), request.outcome()),
                access.context(idempotencyKey, "conclude-talk " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "谈话函询列表 Talks and inquiries", description = "Filtered by kind, state, member and days (held or issued; from and to "
            + "inclusive), newest first, a page at a time; an inquiry past its due day unanswered is overdue.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/talks", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Views.TalkView> list(@RequestParam(required = false) TalkKind kind, @RequestParam(required = false) TalkState state,
                                @RequestParam(required = false) String member,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String memberId = member == null ? null : AggregateIds.canonical("member", member);
        return queries.talks(new DisciplineQueries.Filter(state == null ? null : state.name(), from, to, memberId, kind == null ? null : kind.name()),
                access.today(), page, size);
    }

    @Operation(summary = "谈话函询详情 A talk or inquiry", description = "As it stands. The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/talks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Views.TalkView talk(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, RecordKind.TALK, minSequence, () -> notFound(id), t -> queries.talk(t, access.today()));
    }

    @Operation(summary = "谈话函询时间线 A talk's timeline", description = "Every event, oldest first (from, limit ≤ 500). The read is recorded.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/talks/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, RecordKind.TALK, "talkId", minSequence, from, limit, () -> notFound(id));
    }

    @Operation(summary = "校验 Verify a talk's hash chain", description = "The read is recorded in the access log.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/talks/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, RecordKind.TALK, () -> notFound(id));
    }

    /** A talk's or inquiry's states, for the list's filter. */
    enum TalkState { HELD, ISSUED, ANSWERED, CONCLUDED }


    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("TALK_NOT_FOUND", "There is no talk or inquiry {0}", id);
    }
}
