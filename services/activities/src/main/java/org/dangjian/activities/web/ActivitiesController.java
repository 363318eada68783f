package org.dangjian.activities.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.activities.command.ActivityRules;
import org.dangjian.activities.command.AttendanceEntry;
import org.dangjian.activities.command.CancelActivityCommand;
import org.dangjian.activities.command.CorrectAttendanceCommand;
import org.dangjian.activities.command.HoldActivityCommand;
import org.dangjian.activities.command.RecordAttendanceCommand;
import org.dangjian.activities.command.RecordVolunteerServiceCommand;
import org.dangjian.activities.command.ScheduleActivityCommand;
import org.dangjian.activities.query.ActivitiesReadModel;
import org.dangjian.activities.query.ActivityListItem;
import org.dangjian.activities.query.ActivityQueries;
import org.dangjian.activities.query.ActivityState;
import org.dangjian.activities.query.ActivityTimelinesReadModel;
import org.dangjian.activities.query.ActivityView;
import org.dangjian.activities.query.EngagementsReadModel;
import org.dangjian.activities.query.ParticipationReadModel;
import org.dangjian.activities.query.ParticipationView;
import org.dangjian.activities.query.ReadScope;
import org.dangjian.activities.query.VolunteerRankingView;
import org.dangjian.activities.query.VolunteerServiceView;
import org.dangjian.contracts.activities.ActivityKind;
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
 * The activities service's API: activities scheduled, held and cancelled and their attendance (committee staff for any
 * branch, a branch secretary for his own), volunteer service hours, and the calendars, details, timelines,
 * participation records and ranking, each caller within his scope (see {@link Caller}). Commands answer the record's
 * id and new sequence; queries take {@code minSequence}.
 */
@RestController
@Tag(name = "活动 Activities")
class ActivitiesController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String STAFF_OR_SECRETARY = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY')";
    private static final String READERS = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER', 'AUDITOR', 'DISCIPLINE_INSPECTOR')";
    private static final String BOARD_READERS = "hasAnyRole('COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'AUDITOR', 'DISCIPLINE_INSPECTOR')";
    static final int MAX_PAGE_SIZE = 200;

    private final CommandDispatcher commands;
    private final ActivityQueries queries;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier verifier;
    private final OrganisationUnitsReadModel branches;
    private final MemberDirectoryReadModel directory;
    private final ActivityRules rules;

    ActivitiesController(CommandDispatcher commands, ActivityQueries queries, ReadYourWrites readYourWrites, ChainVerifier verifier,
                         OrganisationUnitsReadModel branches, MemberDirectoryReadModel directory, ActivityRules rules) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.verifier = verifier;
        this.branches = branches;
        this.directory = directory;
        this.rules = rules;
    }

    /** Enum parameters by a constant's exact name only. */
    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, ActivityKind.class);
        StrictParameters.exactEnum(binder, ActivityState.class);
    }

    /** The answer to a command. */

    @Operation(summary = "安排活动 Schedule an activity", description = "For a branch (党支部) the organisation service published and has "
            + "not dissolved: its kind, topic, planned day and place. A branch secretary schedules his own branch's activities only. "
            + "Send an Idempotency-Key to retry safely.")
    @PostMapping(path = "/activities", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> schedule(@Valid @RequestBody ActivityRequests.Schedule request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String branchId = AggregateIds.canonical("branchId", request.branchId());
        branches.requireActiveBranch(branchId);
        BranchScope scope = Caller.current().commandScope();
        CommandResult result = commands.send(id, activityId -> new ScheduleActivityCommand(activityId, branchId, request.kind(), request.topic(),
                request.plannedDate(), request.place(), scope), context(idempotencyKey, "schedule-activity", request, null, scope));
        return CommandResponse.of(ResponseEntity.created(URI.create("/activities/" + result.id())), result);
    }

    @Operation(summary = "召开 Hold an activity", description = "A scheduled activity was held: the day (not in the future), the place and "
            + "topic (the planned ones when absent), the minutes (会议记录) and the speaker or chair.")
    @PostMapping(path = "/activities/{id}/holding", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> hold(@PathVariable("id") String path, @Valid @RequestBody ActivityRequests.Hold request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "hold-activity", request, request.date(), idempotencyKey,
                (id, scope) -> new HoldActivityCommand(id, request.date(), request.place(), request.topic(), request.minutes(), request.speaker(), scope));
    }

    @Operation(summary = "取消活动 Cancel an activity", description = "A scheduled activity not held, with the reason.")
    @PostMapping(path = "/activities/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> cancel(@PathVariable("id") String path, @Valid @RequestBody ActivityRequests.Cancel request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return step(path, "cancel-activity", request, null, idempotencyKey, (id, scope) -> new CancelActivityCommand(id, request.reason(), scope));
    }

    @Operation(summary = "登记出勤 Record attendance", description = "Of a held activity, for members not recorded before: present, "
            + "ON_LEAVE (请假, with its reason) or absent; one AttendanceRecorded per member. A member recorded before is corrected instead.")
    @PostMapping(path = "/activities/{id}/attendance", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> attendance(@PathVariable("id") String path, @Valid @RequestBody ActivityRequests.RecordAttendance request,
                                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        List<AttendanceEntry> entries = entries(request.entries());
        return step(path, "record-attendance", request, null, idempotencyKey, (id, scope) -> new RecordAttendanceCommand(id, entries, scope));
    }

    @Operation(summary = "更正出勤 Correct attendance", description = "Members' recorded attendance from now on, with the reason of the "
            + "correction; one AttendanceCorrected per member, the earlier record kept.")
    @PostMapping(path = "/activities/{id}/attendance-corrections", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> correct(@PathVariable("id") String path, @Valid @RequestBody ActivityRequests.CorrectAttendance request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        List<AttendanceEntry> entries = entries(request.entries());
        return step(path, "correct-attendance", request, null, idempotencyKey,
                (id, scope) -> new CorrectAttendanceCommand(id, entries, request.reason(), scope));
    }

    @Operation(summary = "活动日历 A calendar of activities", description = "The activities the caller sees (a secretary his branch's), "
            + "filtered by branch, kind, state and days (from, to: inclusive, the day held or planned), by day then id, a page at a "
            + "time, with the attendance counts. Pass activity and minSequence to wait until that change shows.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/activities", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<ActivityListItem> activities(@Parameter(description = "a branch's id") @RequestParam(required = false) String branch,
                                        @RequestParam(required = false) ActivityKind kind,
                                        @RequestParam(required = false) ActivityState state,
                                        @Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @Parameter(description = "last day, yyyy-MM-dd") @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                                        @Parameter(description = "an activity whose change to wait for") @RequestParam(required = false) String activity,
                                        @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        ReadScope scope = ReadScope.of(Caller.current());
        if (activity != null) {
            awaitVisible(ActivitiesReadModel.NAME, AggregateIds.canonical("activity", activity), minSequence, scope);
        }
        return queries.calendar(new ActivityQueries.CalendarFilter(branchId, kind, state, from, to), scope, page, size);
    }

    @Operation(summary = "活动详情 An activity", description = "What was planned, how it was held (minutes, speaker) or why cancelled, and "
            + "each member's attendance (the latest; a corrected one with the previous and the reason).")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/activities/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ActivityView activity(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(ActivitiesReadModel.NAME, id, minSequence, scope);
        return queries.activity(id, scope).orElseThrow(() -> activityNotFound(id));
    }

    @Operation(summary = "活动时间线 An activity's timeline", description = "Every event, oldest first: actor, business and recorded time, "
            + "correlation, causation, sequence and hash chain; a page at a time (from, limit ≤ 500), next names where the next page "
            + "begins (absent on the last).")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/activities/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        awaitVisible(ActivityTimelinesReadModel.NAME, id, minSequence, scope);
        if (!scope.all()) {
            if (minSequence != null) {
                awaitVisible(ActivitiesReadModel.NAME, id, minSequence, scope);
            }
            if (!queries.visible(id, scope)) {
                throw activityNotFound(id);
            }
        }
        TimelineStore.Page page = queries.timeline(id, from, limit).filter(p -> queries.document(id).isPresent())
                .orElseThrow(() -> activityNotFound(id));
        return page.answer("activityId", id);
    }

    @Operation(summary = "校验 Verify an activity's hash chain", description = "Walks the activity's stream in the event store and names "
            + "the first event that does not match its hash.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/activities/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        if (!scope.all() && !queries.visible(id, scope)) {
            throw activityNotFound(id);
        }
        return verifier.verifyExisting(id, () -> activityNotFound(id));
    }

    @Operation(summary = "志愿服务登记 Record volunteer service", description = "A member's hours (more than 0, at most 24, steps of 0.5) of "
            + "a kind of service on a day (not in the future), a record of its own; published as VolunteerServiceRecorded. A branch "
            + "secretary records his branch's members only.")
    @PostMapping(path = "/volunteer-services", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF_OR_SECRETARY)
    ResponseEntity<CommandResponse> volunteer(@Valid @RequestBody ActivityRequests.VolunteerService request,
                                              @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = request.id() != null ? AggregateIds.canonical("id", request.id()) : UUID.randomUUID().toString();
        String memberId = AggregateIds.canonical("memberId", request.memberId());
        BranchScope scope = Caller.current().commandScope();
        if (scope.branchId() != null) {
            // a secretary: a member of his branch, as the members service published him
            MemberDirectoryReadModel.Member member = directory.member(memberId).orElse(null);
            if (member == null || !scope.covers(member.branchId())) {
                throw memberNotFound(memberId);
            }
        }
        CommandResult result = commands.send(id, serviceId -> new RecordVolunteerServiceCommand(serviceId, memberId, request.kind(),
                request.hours(), request.date()), context(idempotencyKey, "record-volunteer-service", request, request.date(), scope));
        return CommandResponse.of(ResponseEntity.created(URI.create("/volunteer-services/" + result.id())), result);
    }

    @Operation(summary = "志愿服务记录 A volunteer service record", description = "The member (named as the members service published "
            + "him, with his branch), kind, hours and day. Committee staff, auditors and discipline inspectors read every record; a branch "
            + "secretary his branch's members'; a party member his own. Pass minSequence to wait until the record shows.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/volunteer-services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    VolunteerServiceView volunteerService(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        readYourWrites.await(ParticipationReadModel.NAME, id, minSequence, () -> serviceNotFound(id));
        return queries.volunteerService(id, scope).orElseThrow(() -> serviceNotFound(id));
    }

    @Operation(summary = "志愿服务记录时间线 A volunteer service record's timeline", description = "Its events, as an activity's "
            + "timeline (from, limit ≤ 500, next); read by whoever reads the record.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/volunteer-services/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> volunteerServiceTimeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        ReadScope scope = ReadScope.of(Caller.current());
        readYourWrites.await(ActivityTimelinesReadModel.NAME, id, minSequence, () -> serviceNotFound(id));
        if (minSequence != null) {
            readYourWrites.await(ParticipationReadModel.NAME, id, minSequence, () -> serviceNotFound(id));
        }
        if (queries.volunteerService(id, scope).isEmpty()) {
            throw serviceNotFound(id);
        }
        return queries.timeline(id, from, limit).orElseThrow(() -> serviceNotFound(id)).answer("serviceId", id);
    }

    @Operation(summary = "校验 Verify a volunteer service record's hash chain", description = "Walks the record's stream in the event "
            + "store and names the first event that does not match its hash.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/volunteer-services/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verifyVolunteerService(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        if (queries.volunteerService(id, ReadScope.of(Caller.current())).isEmpty()) {
            throw serviceNotFound(id);
        }
        return verifier.verifyExisting(id, () -> serviceNotFound(id));
    }

    @Operation(summary = "志愿服务时长排行 Volunteer hours ranking", description = "The members the caller sees (of one branch, or all; a "
            + "secretary his branch's) by their volunteer hours of the year, most first, equal hours sharing a rank.")
    @PreAuthorize(BOARD_READERS)
    @GetMapping(path = "/volunteer-hours/ranking", produces = MediaType.APPLICATION_JSON_VALUE)
    VolunteerRankingView ranking(@RequestParam(required = false) @Min(2000) @Max(2999) Integer year,
                                 @Parameter(description = "a branch's id") @RequestParam(required = false) String branch,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int limit,
                                 @Parameter(description = "a volunteer service record whose change to wait for") @RequestParam(required = false)
                                 String service,
                                 @RequestParam(required = false) @Min(0) Long minSequence) {
        String branchId = branch == null ? null : AggregateIds.canonical("branch", branch);
        if (service != null) {
            String serviceId = AggregateIds.canonical("service", service);
            readYourWrites.await(ParticipationReadModel.NAME, serviceId, minSequence, () -> serviceNotFound(serviceId));
        }
        return queries.ranking(year == null ? rules.today().getYear() : year, branchId, ReadScope.of(Caller.current()), limit);
    }

    @Operation(summary = "参加活动情况 A member's participation", description = "The activities whose attendance names the member (newest "
            + "first; present, on leave, absent, corrected), his volunteer service with its hours and the learning and practice records "
            + "he took part in (学习教育, 我为群众办实事, 调研报告, 群众性活动) with their hours, of a year or all. Committee staff, "
            + "auditors and discipline inspectors read every member's; a branch secretary his branch's members'; a party member his "
            + "own. Pass activity (or service, or engagement) and minSequence to wait until that change shows.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members/{id}/participation", produces = MediaType.APPLICATION_JSON_VALUE)
    ParticipationView participation(@PathVariable("id") String path, @RequestParam(required = false) @Min(2000) @Max(2999) Integer year,
                                    @Parameter(description = "an activity whose change to wait for") @RequestParam(required = false) String activity,
                                    @Parameter(description = "a volunteer service record whose change to wait for") @RequestParam(required = false)
                                    String service,
                                    @Parameter(description = "a learning and practice record whose change to wait for")
                                    @RequestParam(required = false) String engagement,
                                    @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return participationOf(id, year, activity, service, engagement, minSequence, ReadScope.of(Caller.current()));
    }

    @Operation(summary = "我的参加活动情况 My participation", description = "The caller's own participation, by the login name the "
            + "members service linked to his record; MEMBER_NOT_FOUND when none is linked.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/members/me/participation", produces = MediaType.APPLICATION_JSON_VALUE)
    ParticipationView myParticipation(@RequestParam(required = false) @Min(2000) @Max(2999) Integer year) {
        Caller caller = Caller.current();
        MemberDirectoryReadModel.Member me = caller.username() == null ? null : queries.memberByUsername(caller.username()).orElse(null);
        if (me == null) {
            throw memberNotFound("me");
        }
        return participationOf(me.id(), year, null, null, null, null, new ReadScope(false, null, caller.username()));
    }

    private ParticipationView participationOf(String id, Integer year, String activity, String service, String engagement, Long minSequence,
                                              ReadScope scope) {
        if (!scope.all() && !scope.seesMember(queries.member(id).orElse(null))) {
            throw memberNotFound(id);
        }
        if (activity != null) {
            String activityId = AggregateIds.canonical("activity", activity);
            readYourWrites.await(ParticipationReadModel.NAME, activityId, minSequence, () -> activityNotFound(activityId));
        } else if (service != null) {
            String serviceId = AggregateIds.canonical("service", service);
            readYourWrites.await(ParticipationReadModel.NAME, serviceId, minSequence, () -> serviceNotFound(serviceId));
        } else if (engagement != null) {
            String engagementId = AggregateIds.canonical("engagement", engagement);
            readYourWrites.await(EngagementsReadModel.NAME, engagementId, minSequence, () -> EngagementsController.notFound(engagementId));
        }
        return queries.participation(id, year, scope).orElseThrow(() -> memberNotFound(id));
    }


    private static List<AttendanceEntry> entries(List<ActivityRequests.AttendanceLine> lines) {
        return lines.stream().map(line -> new AttendanceEntry(AggregateIds.canonical("memberId", line.memberId()), line.attendance(),
                line.reason())).toList();
    }

    /** Read your writes, without telling a caller anything of a record outside his scope (not even that it exists). */
    private void awaitVisible(String model, String id, Long minSequence, ReadScope scope) {
        readYourWrites.awaitVisible(model, id, minSequence, () -> scope.all() || queries.visible(id, scope), () -> activityNotFound(id));
    }

    private ResponseEntity<CommandResponse> step(String path, String operation, Object request, LocalDate day, String idempotencyKey,
                                                 BiFunction<String, BranchScope, Object> command) {
        String id = AggregateIds.canonical("id", path);
        BranchScope scope = Caller.current().commandScope();
        CommandResult result = commands.send(id, activityId -> command.apply(activityId, scope),
                context(idempotencyKey, operation + " " + id, request, day, scope));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    /**
     * The command's context: business time the day at 00:00 in the service's zone, when it names one that is not in the
     * future (the record refuses a future day, DATE_IN_FUTURE); a secretary acts as one, staff as staff.
     */
    private CommandContext context(String idempotencyKey, String operation, Object request, LocalDate day, BranchScope scope) {
        Instant occurredAt = day == null ? null : day.atStartOfDay(rules.zone()).toInstant();
        if (occurredAt != null && occurredAt.isAfter(rules.clock().instant())) {
            occurredAt = null;
        }
        return CommandContext.of(idempotencyKey, operation, request, occurredAt)
                .actingAs(scope.branchId() == null ? Roles.COMMITTEE_STAFF : Roles.BRANCH_SECRETARY);
    }


    private static RuleViolation activityNotFound(String id) {
        return RuleViolation.notFound("ACTIVITY_NOT_FOUND", "There is no activity {0}", id);
    }

    private static RuleViolation serviceNotFound(String id) {
        return RuleViolation.notFound("VOLUNTEER_SERVICE_NOT_FOUND", "There is no volunteer service record {0}", id);
    }

    private static RuleViolation memberNotFound(String id) {
        return RuleViolation.notFound("MEMBER_NOT_FOUND", "There is no member {0}", id);
    }
}
