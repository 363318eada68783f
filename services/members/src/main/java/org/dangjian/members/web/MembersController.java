package org.dangjian.members.web;

import java.net.URI;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.members.command.AdmitProbationaryMemberCommand;
import org.dangjian.members.command.LinkAccountCommand;
import org.dangjian.members.command.UnlinkAccountCommand;
import org.dangjian.members.command.CancelProbationCommand;
import org.dangjian.members.command.AssessmentCriteria;
import org.dangjian.members.command.CancelTransferCommand;
import org.dangjian.members.command.ConcludeAssessmentCommand;
import org.dangjian.members.command.CorrectAssessmentCommand;
import org.dangjian.members.command.OpenAssessmentCommand;
import org.dangjian.members.command.ScoreAssessmentCommand;
import org.dangjian.members.command.ConcludeCadreAssessmentCommand;
import org.dangjian.members.command.OpenCadreAssessmentCommand;
import org.dangjian.members.command.PayDuesCommand;
import org.dangjian.members.command.QualifyPartyAffairsCadreCommand;
import org.dangjian.members.command.RecordCareCommand;
import org.dangjian.members.command.RecordTrainingCommand;
import org.dangjian.members.command.SetDuesBaseCommand;
import org.dangjian.members.command.ConfirmTransferCommand;
import org.dangjian.members.command.InitiateTransferCommand;
import org.dangjian.members.command.ReceiveTransferCommand;
import org.dangjian.members.command.TransferState;
import org.dangjian.members.command.ConcludePoliticalReviewCommand;
import org.dangjian.members.command.ConfirmFullMemberCommand;
import org.dangjian.members.command.DesignateActivistCommand;
import org.dangjian.members.command.DesignateDevelopmentObjectCommand;
import org.dangjian.members.command.ExtendProbationCommand;
import org.dangjian.members.command.MemberAssessmentId;
import org.dangjian.members.command.MemberId;
import org.dangjian.members.command.MemberStage;
import org.dangjian.members.command.PointsRules;
import org.dangjian.members.command.RecordPointsCommand;
import org.dangjian.members.command.MembershipRules;
import org.dangjian.members.command.RecordApplicationCommand;
import org.dangjian.members.query.ArrearsView;
import org.dangjian.members.query.AssessmentView;
import org.dangjian.members.query.AssessmentsReadModel;
import org.dangjian.members.query.CareListView;
import org.dangjian.members.query.DuesSummaryView;
import org.dangjian.members.query.DuesView;
import org.dangjian.members.query.MemberListItem;
import org.dangjian.members.query.MemberQueries;
import org.dangjian.members.query.MemberTimelinesReadModel;
import org.dangjian.members.query.MemberView;
import org.dangjian.members.query.MembersReadModel;
import org.dangjian.members.query.PersonalData;
import org.dangjian.members.query.PipelineView;
import org.dangjian.members.query.PointsLedgerReadModel;
import org.dangjian.members.query.PointsView;
import org.dangjian.members.query.RankingView;
import org.dangjian.members.query.ReadScope;
import org.dangjian.members.query.TransferListItem;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.security.BranchScope;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.web.CommandResponse;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.readmodel.TimelineEntry;
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
 * The members service's API: the way into the party, step by step (committee staff every step, a branch secretary the
 * branch's steps for his own branch), and the files, timelines and board, each caller within his scope (see
 * {@link Caller}). Commands answer the member's id and new sequence; queries take {@code minSequence}.
 */
@RestController
@Tag(name = "党员 Members")
class MembersController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String STAFF = "hasRole('COMMITTEE_STAFF')";
    private static final String STAFF_OR_SECRETARY = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY')";
    private static final String READERS = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER', 'AUDITOR', 'DISCIPLINE_INSPECTOR')";
    private static final String BOARD_READERS = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'AUDITOR', 'DISCIPLINE_INSPECTOR')";
    /** The longest text a list is searched for, in code points (a name has at most 50). */
    static final int MAX_QUERY_TEXT = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final CommandDispatcher commands;
    private final MemberQueries queries;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier verifier;
    private final MembershipRules rules;
    private final OrganisationUnitsReadModel branches;
    private final PointsRules pointsRules;
    private final PointsLedgerReadModel ledger;
    private final AssessmentCriteria criteria;

    MembersController(CommandDispatcher commands, MemberQueries queries, ReadYourWrites readYourWrites, ChainVerifier verifier,
                      MembershipRules rules, OrganisationUnitsReadModel branches, PointsRules pointsRules, PointsLedgerReadModel ledger,
                      AssessmentCriteria criteria) {
        this.commands = commands;
        this.criteria = criteria;
        this.branches = branches;
        this.pointsRules = pointsRules;
        this.ledger = ledger;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.verifier = verifier;
        this.rules = rules;
    }

    /** Enum parameters by a constant's exact name only. */
    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, MemberStage.class);
        StrictParameters.exactEnum(binder, TransferState.class);
        StrictParameters.exactEnum(binder, org.dangjian.contracts.members.AssessmentType.class);
    }

    /** The answer to a command. */

    @Operation(summary = "入党申请 Record an application", description = "Creates the member record. A branch secretary records "
            + "applications to his own branch only. Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/members", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> apply(@Valid @RequestBody MemberRequests.Apply request,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : MemberId.random().value();
        String branchId = AggregateIds.canonical("branchId", request.branchId());
        branches.requireActiveBranch(branchId); // a member's branch: published, a branch, not dissolved
        BranchScope scope = Caller.current().commandScope();
        CommandResult result = commands.send(id, memberId -> new RecordApplicationCommand(new MemberId(memberId), request.name(),
                        request.gender(), request.birthDate(), request.idCardNumber(), request.phone(), request.address(), branchId,
                        request.applicationDate(), request.username(), request.basis(), scope),
                context(idempotencyKey, "apply-for-membership", request, request.applicationDate(), scope));
        return CommandResponse.of(ResponseEntity.created(URI.create("/members/" + result.id())), result);
    }

    @Operation(summary = "确定为入党积极分子 Designate an activist", description = "Decided by the branch committee.")
    @PostMapping(path = "/members/{id}/activist", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> activist(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Step request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "designate-activist", request, request.date(), idempotencyKey,
                (id, scope) -> new DesignateActivistCommand(id, request.date(), request.basis(), scope));
    }

    @Operation(summary = "确定为发展对象 Designate a development object", description = "Decided by the branch committee, once the "
            + "activist period (6 months by default) has passed.")
    @PostMapping(path = "/members/{id}/development-object", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> developmentObject(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Step request,
                                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "designate-development-object", request, request.date(), idempotencyKey,
                (id, scope) -> new DesignateDevelopmentObjectCommand(id, request.date(), request.basis(), scope));
    }

    @Operation(summary = "政治审查 Conclude the political review", description = "Passed or not passed; a review not passed may be "
            + "followed by another.")
    @PostMapping(path = "/members/{id}/political-review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> politicalReview(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.PoliticalReview request,
                                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "conclude-political-review", request, request.date(), idempotencyKey,
                (id, scope) -> new ConcludePoliticalReviewCommand(id, request.date(), request.conclusion(), request.basis(), scope));
    }

    @Operation(summary = "接收为预备党员 Admit as a probationary member", description = "The branch general meeting's admission and "
            + "the committee's approval (党委审批), after a passed political review. Committee staff only.")
    @PostMapping(path = "/members/{id}/admission", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> admission(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.MeetingAndApproval request,
                                              @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "admit-probationary-member", request, request.committeeApprovalDate(), idempotencyKey,
                (id, scope) -> new AdmitProbationaryMemberCommand(id, request.branchMeetingDate(), request.committeeApprovalDate(),
                        request.basis(), scope));
    }

    @Operation(summary = "转为正式党员 Confirm as a full member", description = "Once the probation (with any extension) has ended: "
            + "the branch general meeting's resolution and the committee's approval. Committee staff only.")
    @PostMapping(path = "/members/{id}/full-membership", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> fullMembership(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.MeetingAndApproval request,
                                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "confirm-full-member", request, request.committeeApprovalDate(), idempotencyKey,
                (id, scope) -> new ConfirmFullMemberCommand(id, request.branchMeetingDate(), request.committeeApprovalDate(), request.basis(), scope));
    }

    @Operation(summary = "延长预备期 Extend the probation", description = "Once, by 6 to 12 months. Committee staff only.")
    @PostMapping(path = "/members/{id}/probation-extension", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> extension(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Extension request,
                                              @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "extend-probation", request, request.date(), idempotencyKey,
                (id, scope) -> new ExtendProbationCommand(id, request.date(), request.months(), request.basis(), scope));
    }

    @Operation(summary = "取消预备党员资格 Cancel the probationary membership", description = "Committee staff only.")
    @PostMapping(path = "/members/{id}/probation-cancellation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> cancellation(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Step request,
                                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "cancel-probation", request, request.date(), idempotencyKey,
                (id, scope) -> new CancelProbationCommand(id, request.date(), request.basis(), scope));
    }

    @Operation(summary = "组织关系转出 Transfer a member", description = "Issues the letter (介绍信) that transfers the member to another "
            + "branch on the platform (toBranchId) or to a party organisation outside it (toOrganisation), exactly one of the two; the "
            + "transfer is then in transit and numbered in the member's record (1, 2, ...). One transfer at a time: a second is refused "
            + "with TRANSFER_IN_PROGRESS. By the member's branch secretary or committee staff.")
    @PostMapping(path = "/members/{id}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> transfer(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Transfer request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String toBranchId = request.toBranchId() == null ? null : AggregateIds.canonical("toBranchId", request.toBranchId());
        if (toBranchId != null) {
            branches.requireActiveBranch(toBranchId);
        }
        return step(path, "initiate-transfer", request, request.date(), idempotencyKey,
                (id, scope) -> new InitiateTransferCommand(id, toBranchId, request.toOrganisation(), request.date(), request.basis(), scope));
    }

    @Operation(summary = "组织关系接收 Receive a transfer", description = "The receiving branch received the letter of transfer n: the "
            + "member belongs to it from now on. By the receiving branch's secretary or committee staff.")
    @PostMapping(path = "/members/{id}/transfers/{transfer}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> receiveTransfer(@PathVariable("id") String path, @PathVariable("transfer") @Min(1) int transfer,
                                                    @Valid @RequestBody MemberRequests.Step request,
                                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "receive-transfer " + transfer, request, request.date(), idempotencyKey,
                (id, scope) -> new ReceiveTransferCommand(id, transfer, request.date(), request.basis(), scope));
    }

    @Operation(summary = "回执确认 Confirm a transfer's receipt", description = "The receipt (回执) of transfer n came back: the transfer "
            + "is closed; for a transfer out of the platform the member leaves it (his record is kept, read-only). By the sending "
            + "branch's secretary or committee staff.")
    @PostMapping(path = "/members/{id}/transfers/{transfer}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> confirmTransfer(@PathVariable("id") String path, @PathVariable("transfer") @Min(1) int transfer,
                                                    @Valid @RequestBody MemberRequests.Step request,
                                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "confirm-transfer " + transfer, request, request.date(), idempotencyKey,
                (id, scope) -> new ConfirmTransferCommand(id, transfer, request.date(), request.basis(), scope));
    }

    @Operation(summary = "撤回 / 退回 Withdraw or return a transfer", description = "Transfer n, still in transit, is withdrawn "
            + "(WITHDRAWN, by the sending branch) or returned (RETURNED, by the receiving one), with a reason; the member stays in his "
            + "branch.")
    @PostMapping(path = "/members/{id}/transfers/{transfer}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> cancelTransfer(@PathVariable("id") String path, @PathVariable("transfer") @Min(1) int transfer,
                                                   @Valid @RequestBody MemberRequests.TransferCancellationRequest request,
                                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "cancel-transfer " + transfer, request, request.date(), idempotencyKey,
                (id, scope) -> new CancelTransferCommand(id, transfer, request.cancellation(), request.date(), request.reason(), scope));
    }

    @Operation(summary = "组织关系转接 Open transfers", description = "The transfers in transit or waiting for their receipt, oldest "
            + "first, of one branch (sent or received) or all the caller sees: a branch secretary those that leave or reach his branch. "
            + "Pass member and minSequence to wait until that change shows.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<TransferListItem> transfers(@Parameter(description = "a branch's id: transfers leaving or reaching it")
                                       @RequestParam(required = false) String branch,
                                       @RequestParam(required = false) TransferState state,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                                       @Parameter(description = "a member whose change to wait for") @RequestParam(required = false) String member,
                                       @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitMember(member, minSequence, scope);
        return queries.transfers(branchId, state == null ? null : state.name(), scope, page, size);
    }

    @Operation(summary = "积分记录 Record points", description = "Points of the \"五星十佳\" ledger by a rule of the version in effect on "
            + "the date: the points chosen for a range rule (MERIT 1..20, DEMERIT -20..-1), the hours for a per-hour rule "
            + "(VOLUNTEER_HOUR), nothing for a fixed one; a rule giving 0 records nothing. Attendance and volunteer hours come "
            + "from the activities service by themselves. By committee staff, or the member's branch secretary.")
    @PostMapping(path = "/members/{id}/points", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> recordPoints(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Points request,
                                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "record-points", request, request.date(), idempotencyKey,
                (id, scope) -> new RecordPointsCommand(id, request.rule(), request.points(), request.hours(), request.date(), request.reason(),
                        null, null, scope));
    }

    @Operation(summary = "党员积分 A member's points of a year", description = "The year's balance, the stars it earns (by the rule "
            + "version in effect at the year's end, or today) and every entry with its rule, version, reason and source event. "
            + "The caller's scope as for the file.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members/{id}/points", produces = MediaType.APPLICATION_JSON_VALUE)
    PointsView points(@PathVariable("id") String path, @RequestParam(required = false) @Min(2000) @Max(2999) Integer year,
                      @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(PointsLedgerReadModel.NAME, id, minSequence, scope);
        awaitVisible(MembersReadModel.NAME, id, minSequence, scope);
        int asked = year == null ? rules.today().getYear() : year;
        return queries.points(id, asked, scope, pointsRules, rules.today(), ledger).orElseThrow(() -> memberNotFound(id));
    }

    @Operation(summary = "积分排行 The points ranking", description = "The members the caller sees (of one branch, or all) by their "
            + "balance of the year, highest first, equal balances sharing a rank; party members, and anyone with points. "
            + "topTen marks 十佳 (ranks 1 to 10). Pass member and minSequence to wait until that change shows.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/points/ranking", produces = MediaType.APPLICATION_JSON_VALUE)
    RankingView ranking(@RequestParam(required = false) @Min(2000) @Max(2999) Integer year,
                        @Parameter(description = "a branch's id") @RequestParam(required = false) String branch,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int limit,
                        @Parameter(description = "a member whose change to wait for") @RequestParam(required = false) String member,
                        @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitMember(member, minSequence, scope);
        return queries.ranking(branchId, year == null ? rules.today().getYear() : year, scope, limit, pointsRules, rules.today());
    }

    @Operation(summary = "积分规则 The points rules", description = "Every version of the \"五星十佳\" rules, with the day it takes "
            + "effect, its rules and the balance each star needs.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/points/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    PointsRules pointsRules() {
        return pointsRules;
    }

    @Operation(summary = "政治建设考察 Open a cadre's political assessment", description = "Of a full member, once per year. While a "
            + "disciplinary sanction published by the discipline service is in effect, the assessment is vetoed at once (一票否决), "
            + "naming the discipline event; a sanction that takes effect later vetoes it then. Committee staff only.")
    @PostMapping(path = "/members/{id}/cadre-assessments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> openCadreAssessment(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.CadreAssessment request,
                                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "open-cadre-assessment", request, request.date(), idempotencyKey,
                (id, scope) -> new OpenCadreAssessmentCommand(id, request.year(), request.date(), request.basis(), scope));
    }

    @Operation(summary = "政治建设考察结论 Conclude a cadre's political assessment", description = "Assessment n, open, with its result "
            + "(GOOD 好, FAIRLY_GOOD 较好, AVERAGE 一般, POOR 差); a vetoed one has none (ASSESSMENT_VETOED). Committee staff only.")
    @PostMapping(path = "/members/{id}/cadre-assessments/{assessment}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> concludeCadreAssessment(@PathVariable("id") String path, @PathVariable("assessment") @Min(1) int assessment,
                                                            @Valid @RequestBody MemberRequests.CadreAssessmentConclusion request,
                                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "conclude-cadre-assessment " + assessment, request, request.date(), idempotencyKey,
                (id, scope) -> new ConcludeCadreAssessmentCommand(id, assessment, request.result(), request.date(), request.basis(), scope));
    }

    @Operation(summary = "党费基数核定 Set the dues base", description = "From a month on, the member's monthly dues are base × rate "
            + "(rounded half up to the fen); not from a month whose dues are paid already. A probationary or full member. By committee "
            + "staff, or the member's branch secretary.")
    @PostMapping(path = "/members/{id}/dues/base", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> duesBase(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.DuesBase request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        java.time.YearMonth from = java.time.YearMonth.parse(request.fromMonth());
        return step(path, "set-dues-base", request, null, idempotencyKey,
                (id, scope) -> new SetDuesBaseCommand(id, from, request.base(), request.rate(), request.basis(), scope));
    }

    @Operation(summary = "党费交纳 Record a dues payment", description = "The dues of 1 to 24 months paid on a day, each month once at "
            + "the amount its base sets. By committee staff, or the member's branch secretary.")
    @PostMapping(path = "/members/{id}/dues/payments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> duesPayment(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.DuesPayment request,
                                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        List<java.time.YearMonth> months = request.months().stream().map(java.time.YearMonth::parse).toList();
        return step(path, "pay-dues", request, request.paidOn(), idempotencyKey,
                (id, scope) -> new PayDuesCommand(id, months, request.paidOn(), request.receipt(), scope));
    }

    @Operation(summary = "党员党费 A member's dues of a year", description = "Each month's dues and payment, the year's totals, the base "
            + "in effect this month, and his arrears: every month before this one, since his first base, left unpaid. Scope as the file.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members/{id}/dues", produces = MediaType.APPLICATION_JSON_VALUE)
    DuesView dues(@PathVariable("id") String path, @RequestParam(required = false) @Min(2000) @Max(2999) Integer year,
                  @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(MembersReadModel.NAME, id, minSequence, scope);
        return queries.dues(id, year == null ? rules.today().getYear() : year, scope, rules.today()).orElseThrow(() -> memberNotFound(id));
    }

    @Operation(summary = "党费月度汇总 A month's dues", description = "Of one branch or every member the caller sees: how many owe dues "
            + "that month, the sum due, how many paid and how much, and who has not paid. month defaults to this month.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/dues/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    DuesSummaryView duesSummary(@Parameter(description = "yyyy-MM") @RequestParam(required = false) String month,
                                @Parameter(description = "a branch's id") @RequestParam(required = false) String branch) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        java.time.YearMonth asked = month == null ? java.time.YearMonth.from(rules.today()) : parseMonth(month);
        return queries.duesSummary(branchId, asked, ReadScope.of(Caller.current()));
    }

    @Operation(summary = "党费欠缴 Dues arrears", description = "The members the caller sees (of one branch, or all) with months before "
            + "this one left unpaid, the largest amount first.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/dues/arrears", produces = MediaType.APPLICATION_JSON_VALUE)
    ArrearsView arrears(@Parameter(description = "a branch's id") @RequestParam(required = false) String branch,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int limit) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        return queries.arrears(branchId, ReadScope.of(Caller.current()), rules.today(), limit);
    }

    private static java.time.YearMonth parseMonth(String month) {
        if (!month.matches(MemberRequests.MONTH)) {
            throw RuleViolation.invalid("INVALID_PARAMETER", "The value of parameter {0} is not valid", "month");
        }
        return java.time.YearMonth.parse(month);
    }

    @Operation(summary = "党内关怀 Record care", description = "A visit to or support of a party member (elderly, sick, in hardship): "
            + "kind, reason, day, who visited, the support's value (optional) and notes. By committee staff, or the member's branch secretary.")
    @PostMapping(path = "/members/{id}/care", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> care(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Care request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "record-care", request, request.date(), idempotencyKey,
                (id, scope) -> new RecordCareCommand(id, request.kind(), request.reason(), request.date(), request.visitors(), request.amount(),
                        request.notes(), scope));
    }

    @Operation(summary = "党内关怀台账 The care list", description = "The care records of a year of the members the caller sees (of one "
            + "branch, or all), newest first, and, for this year, the party members aged 70 or more with none yet.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/care", produces = MediaType.APPLICATION_JSON_VALUE)
    CareListView careList(@RequestParam(required = false) @Min(2000) @Max(2999) Integer year,
                          @Parameter(description = "a branch's id") @RequestParam(required = false) String branch) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        return queries.careList(branchId, year == null ? rules.today().getYear() : year, ReadScope.of(Caller.current()), rules.today(), ELDERLY_AGE);
    }

    /** The age from which a party member is on the care list's "elderly, not yet cared for this year". */
    static final int ELDERLY_AGE = 70;

    @Operation(summary = "培训记录 Record a training", description = "A training the member took part in, with its hours (学时, steps of "
            + "0.5). By committee staff, or the member's branch secretary.")
    @PostMapping(path = "/members/{id}/trainings", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> training(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Training request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "record-training", request, request.endedOn(), idempotencyKey,
                (id, scope) -> new RecordTrainingCommand(id, request.course(), request.organiser(), request.endedOn(), request.hours(), scope));
    }

    @Operation(summary = "党务干部任前资格认证 Certify a party-affairs cadre", description = "Of a full member with no sanction in effect, "
            + "on at least the configured training hours (32 by default) of the twelve months up to the day; valid for the configured "
            + "period (3 years). Committee staff only.")
    @PostMapping(path = "/members/{id}/qualification", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> qualification(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Qualification request,
                                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "qualify-party-affairs-cadre", request, request.date(), idempotencyKey,
                (id, scope) -> new QualifyPartyAffairsCadreCommand(id, request.date(), request.basis(), scope));
    }

    @Operation(summary = "关联登录账号 Link the record to a login name", description = "The person then reads this record as his own "
            + "(我的档案), unmasked. A login name is linked to one record at most: another record's name is refused (USERNAME_TAKEN); "
            + "a record linked before to another name is relinked and that name released. Committee staff only.")
    @PostMapping(path = "/members/{id}/account", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> linkAccount(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.AccountLink request,
                                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "link-account", request, null, idempotencyKey,
                (id, scope) -> new LinkAccountCommand(id, request.username(), request.basis(), scope));
    }

    @Operation(summary = "解除账号关联 Unlink the record from its login name", description = "Nobody reads the record as his own until it "
            + "is linked again; the name is released. With a reason. Committee staff only.")
    @PostMapping(path = "/members/{id}/account/unlink", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> unlinkAccount(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.AccountUnlink request,
                                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "unlink-account", request, null, idempotencyKey,
                (id, scope) -> new UnlinkAccountCommand(id, request.reason(), scope));
    }

    @Operation(summary = "考核开始 Open an assessment", description = "Of a party member of the caller's scope: COMPREHENSIVE (党员综合"
            + "管理考核, yyyy, scored on the criteria in effect that day), DEMOCRATIC_EVALUATION (民主评议党员, yyyy) or CIVIL_SERVANT_DAILY "
            + "(公务员日常考核, yyyy-Qn). An assessment is a record of its own, with its own timeline; its id follows from member, "
            + "type and period, so each is opened once. By committee staff, or the member's branch secretary.")
    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> openAssessment(@Valid @RequestBody MemberRequests.OpenAssessment request,
                                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String memberId = AggregateIds.canonical("memberId", request.memberId());
        String id = MemberAssessmentId.of(memberId, request.type(), request.period());
        if (request.id() != null && !AggregateIds.canonical("id", request.id()).equals(id)) {
            throw RuleViolation.invalid("ASSESSMENT_ID_MISMATCH", "The id of the {0} assessment of member {1} for {2} is {3}",
                    request.type().name(), memberId, request.period(), id);
        }
        BranchScope scope = Caller.current().commandScope();
        CommandResult result = commands.send(id, assessmentId -> new OpenAssessmentCommand(assessmentId, memberId, request.type(),
                request.period(), request.date(), scope), context(idempotencyKey, "open-assessment", request, request.date(), scope));
        return CommandResponse.of(ResponseEntity.created(URI.create("/assessments/" + result.id())), result);
    }

    @Operation(summary = "考核评分 Score an assessment", description = "A comprehensive assessment's score of every criterion of its set "
            + "(0 to each criterion's maximum); a later scoring replaces an earlier one until it is concluded.")
    @PostMapping(path = "/assessments/{id}/scores", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> scoreAssessment(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.Scores request,
                                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return assessmentStep(path, "score-assessment", request, null, idempotencyKey,
                (id, scope) -> new ScoreAssessmentCommand(id, request.scores(), scope));
    }

    @Operation(summary = "考核结论 Conclude an assessment", description = "COMPREHENSIVE: the grade its total reaches (EXCELLENT, QUALIFIED, "
            + "BASICALLY_QUALIFIED, UNQUALIFIED); DEMOCRATIC_EVALUATION: the grade decided, with the votes per grade; CIVIL_SERVANT_DAILY: "
            + "GOOD, FAIRLY_GOOD, AVERAGE or POOR.")
    @PostMapping(path = "/assessments/{id}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> concludeAssessment(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.AssessmentConclusion request,
                                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return assessmentStep(path, "conclude-assessment", request, request.date(), idempotencyKey,
                (id, scope) -> new ConcludeAssessmentCommand(id, request.result(), request.votes(), request.date(), request.basis(), scope));
    }

    @Operation(summary = "考核更正 Correct an assessment", description = "A concluded assessment's result, corrected by a new event that "
            + "names the reason; nothing recorded before changes. Committee staff only.")
    @PostMapping(path = "/assessments/{id}/correction", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> correctAssessment(@PathVariable("id") String path, @Valid @RequestBody MemberRequests.AssessmentCorrection request,
                                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return assessmentStep(path, "correct-assessment", request, request.date(), idempotencyKey,
                (id, scope) -> new CorrectAssessmentCommand(id, request.result(), request.date(), request.reason(), scope));
    }

    @Operation(summary = "考核列表 Assessments", description = "The assessments the caller sees (a secretary his branch's, a member his "
            + "own), by member, type, period and branch; the latest period first.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<AssessmentView> assessments(@RequestParam(required = false) String member,
                                       @RequestParam(required = false) org.dangjian.contracts.members.AssessmentType type,
                                       @RequestParam(required = false) String period,
                                       @RequestParam(required = false) String branch,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                                       @Parameter(description = "an assessment whose change to wait for") @RequestParam(required = false) String assessment,
                                       @RequestParam(required = false) @Min(0) Long minSequence) {
        String memberId = member == null ? null : AggregateIds.canonical("member", member);
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        if (period != null && !period.matches("^[0-9]{4}(-Q[1-4])?$")) {
            throw RuleViolation.invalid("INVALID_PARAMETER", "The value of parameter {0} is not valid", "period");
        }
        ReadScope scope = ReadScope.of(Caller.current());
        if (assessment != null) {
            awaitAssessment(AssessmentsReadModel.NAME, AggregateIds.canonical("assessment", assessment), minSequence, scope);
        }
        return queries.assessments(memberId, type == null ? null : type.name(), period, branchId, scope, page, size);
    }

    @Operation(summary = "考核详情 An assessment", description = "With its scores, result, vote and corrections.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    AssessmentView assessment(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitAssessment(AssessmentsReadModel.NAME, id, minSequence, scope);
        return queries.assessment(id, scope).orElseThrow(() -> assessmentNotFound(id));
    }

    @Operation(summary = "考核时间线 An assessment's timeline", description = "Every event of the assessment, oldest first, with actor, "
            + "business and recorded time, basis or reason, and hash chain; a page at a time (from, limit ≤ 500).")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> assessmentTimeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                           @RequestParam(defaultValue = "0") @Min(0) long from,
                                           @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitAssessment(MemberTimelinesReadModel.NAME, id, minSequence, scope);
        if (queries.assessment(id, scope).isEmpty()) {
            throw assessmentNotFound(id);
        }
        TimelineStore.Page page = queries.timeline(id, from, limit).orElseThrow(() -> assessmentNotFound(id));
        return page.answer("assessmentId", id);
    }

    @Operation(summary = "校验 Verify an assessment's hash chain", description = "As a member's.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verifyAssessment(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        if (queries.assessment(id, ReadScope.of(Caller.current())).isEmpty()) {
            throw assessmentNotFound(id);
        }
        return verifier.verify(id);
    }

    @Operation(summary = "考核标准 The assessment criteria", description = "Every version of the comprehensive assessment's criteria, with "
            + "the day it takes effect, each criterion's maximum and the least total of each grade.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/assessment-criteria", produces = MediaType.APPLICATION_JSON_VALUE)
    AssessmentCriteria assessmentCriteria() {
        return criteria;
    }

    private ResponseEntity<CommandResponse> assessmentStep(String path, String operation, Object request, LocalDate day, String idempotencyKey,
                                                           java.util.function.BiFunction<String, BranchScope, Object> command) {
        String id = AggregateIds.canonical("id", path);
        BranchScope scope = Caller.current().commandScope();
        CommandResult result = commands.send(id, assessmentId -> command.apply(assessmentId, scope),
                context(idempotencyKey, operation + " " + id, request, day, scope));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    private void awaitAssessment(String model, String id, Long minSequence, ReadScope scope) {
        try {
            readYourWrites.await(model, id, minSequence, () -> assessmentNotFound(id));
        } catch (RuntimeException e) {
            if (!scope.all() && queries.assessment(id, scope).isEmpty()) {
                throw assessmentNotFound(id);
            }
            throw e;
        }
    }

    private static RuleViolation assessmentNotFound(String id) {
        return RuleViolation.notFound("ASSESSMENT_NOT_FOUND", "There is no assessment {0}", id);
    }

    @Operation(summary = "党员列表 Members, a page at a time", description = "The members the caller may read (committee staff, "
            + "auditors and discipline inspectors all; a branch secretary his branch's; a party member himself), filtered by branch, "
            + "stage and text in the name (q: case-insensitive, literal, at most 50 characters); by name, then id. No personal data. "
            + "Pass member and minSequence to wait until that change shows.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<MemberListItem> members(@Parameter(description = "a branch's id: its members only") @RequestParam(required = false) String branch,
                                   @RequestParam(required = false) MemberStage stage,
                                   @Parameter(description = "text the name contains, ignoring case; taken literally")
                                   @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                                   @Parameter(description = "a member whose change to wait for") @RequestParam(required = false) String member,
                                   @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        String text = q == null ? null : Normalizer.normalize(q, Normalizer.Form.NFC);
        if (text != null && (text.codePointCount(0, text.length()) > MAX_QUERY_TEXT || text.chars().anyMatch(Character::isISOControl))) {
            throw RuleViolation.invalid("INVALID_PARAMETER", "The value of parameter {0} is not valid", "q");
        }
        ReadScope scope = ReadScope.of(Caller.current());
        awaitMember(member, minSequence, scope);
        return queries.members(new MemberQueries.MemberFilter(branchId, stage, text), scope, page, size);
    }

    @Operation(summary = "党员档案 A member's file", description = "With every step reached. ID-card number, phone and address are "
            + "masked unless the caller is committee staff, the member's branch secretary or the member.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    MemberView member(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(MembersReadModel.NAME, id, minSequence, scope);
        return queries.member(id, scope, rules.today()).orElseThrow(() -> memberNotFound(id));
    }

    @Operation(summary = "党员时间线 A member's timeline", description = "Every event, oldest first: actor, business and recorded time, "
            + "basis, correlation, causation, sequence and hash chain; personal data masked as in the file; a page at a time (from, "
            + "limit ≤ 500), next names where the next page begins (absent on the last).")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(MemberTimelinesReadModel.NAME, id, minSequence, scope);
        boolean personalData = true;
        if (!scope.personalDataOfAll()) {
            if (minSequence != null) {
                awaitVisible(MembersReadModel.NAME, id, minSequence, scope);
            }
            personalData = scope.seesPersonalData(queries.visible(id, scope).orElseThrow(() -> memberNotFound(id)));
        }
        TimelineStore.Page page = queries.timeline(id, from, limit).orElseThrow(() -> memberNotFound(id));
        List<TimelineEntry> entries = personalData ? page.entries() : page.entries().stream().map(MembersController::masked).toList();
        return page.answer("memberId", id, entries);
    }

    @Operation(summary = "校验 Verify a member's hash chain", description = "Walks the member's stream in the event store and names "
            + "the first event that does not match its hash.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        if (!scope.all() && queries.visible(id, scope).isEmpty()) {
            throw memberNotFound(id);
        }
        return verifier.verifyExisting(id, () -> memberNotFound(id));
    }

    @Operation(summary = "发展党员工作台 The development board", description = "How many members stand at each stage, and who is due "
            + "for a next step, when (the earliest day the rules allow it), of one branch or of every member the caller may read. "
            + "Pass member and minSequence to wait until that change shows.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/pipeline", produces = MediaType.APPLICATION_JSON_VALUE)
    PipelineView pipeline(@Parameter(description = "a branch's id") @RequestParam(required = false) String branch,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int limit,
                          @Parameter(description = "a member whose change to wait for") @RequestParam(required = false) String member,
                          @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitMember(member, minSequence, scope);
        return queries.pipeline(branchId, scope, limit, rules.today());
    }

    private void awaitMember(String member, Long minSequence, ReadScope scope) {
        if (member != null) {
            String id = AggregateIds.canonical("member", member);
            awaitVisible(MembersReadModel.NAME, id, minSequence, scope);
            if (minSequence != null && !scope.all() && queries.visible(id, scope).isEmpty()) {
                throw memberNotFound(id);
            }
        }
    }

    /** Read your writes, without telling a caller anything of a member outside his scope (not even that it exists). */
    private void awaitVisible(String model, String id, Long minSequence, ReadScope scope) {
        readYourWrites.awaitVisible(model, id, minSequence, () -> scope.all() || queries.visible(id, scope).isPresent(), () -> memberNotFound(id));
    }

    /** The entry with the personal data of its event masked. */
    private static TimelineEntry masked(TimelineEntry entry) {
        if (!entry.data().containsKey(PersonalData.ID_CARD_NUMBER) && !entry.data().containsKey(PersonalData.PHONE)
                && !entry.data().containsKey(PersonalData.ADDRESS)) {
            return entry;
        }
        Map<String, Object> data = new LinkedHashMap<>(entry.data());
        data.computeIfPresent(PersonalData.ID_CARD_NUMBER, (k, v) -> PersonalData.maskIdCardNumber(String.valueOf(v)));
        data.computeIfPresent(PersonalData.PHONE, (k, v) -> PersonalData.maskPhone(String.valueOf(v)));
        data.computeIfPresent(PersonalData.ADDRESS, (k, v) -> PersonalData.maskAddress(String.valueOf(v)));
        return new TimelineEntry(entry.sequence(), entry.eventId(), entry.type(), entry.occurredAt(), entry.recordedAt(), entry.actor(),
                entry.correlationId(), entry.causationId(), entry.prevHash(), entry.hash(), data);
    }

    private ResponseEntity<CommandResponse> step(String path, String operation, Object request, LocalDate day, String idempotencyKey,
                                                 java.util.function.BiFunction<MemberId, BranchScope, Object> command) {
        String id = AggregateIds.canonical("id", path);
        BranchScope scope = Caller.current().commandScope();
        Function<String, Object> build = memberId -> command.apply(new MemberId(memberId), scope);
        CommandResult result = commands.send(id, build, context(idempotencyKey, operation + " " + id, request, day, scope));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    /**
     * The command's context: business time the step's (last) day at 00:00 in the service's zone; a day in the future is
     * left to the record to refuse ({@code DATE_IN_FUTURE}). A secretary acts as one, staff as staff.
     */
    private CommandContext context(String idempotencyKey, String operation, Object request, LocalDate day, BranchScope scope) {
        Instant occurredAt = day == null ? null : day.atStartOfDay(rules.zone()).toInstant();
        if (occurredAt != null && occurredAt.isAfter(rules.clock().instant())) {
            occurredAt = null;
        }
        return CommandContext.of(idempotencyKey, operation, request, occurredAt)
                .actingAs(scope.branchId() == null ? Roles.COMMITTEE_STAFF : Roles.BRANCH_SECRETARY);
    }


    private static RuleViolation memberNotFound(String id) {
        return RuleViolation.notFound("MEMBER_NOT_FOUND", "There is no member {0}", id);
    }
}
