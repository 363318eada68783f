package org.dangjian.organisation.web;

import static org.dangjian.organisation.web.WorkAccess.IDEMPOTENCY_KEY;
import static org.dangjian.organisation.web.WorkAccess.MAX_PAGE_SIZE;
import static org.dangjian.organisation.web.WorkAccess.READERS;
import static org.dangjian.organisation.web.WorkAccess.STAFF;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.dangjian.contracts.organisation.AssessmentArea;
import org.dangjian.contracts.organisation.AssessmentGrade;
import org.dangjian.contracts.organisation.ComplianceFact;
import org.dangjian.organisation.command.AssessmentCommands;
import org.dangjian.organisation.command.UnitFacts;
import org.dangjian.organisation.work.ComplianceReadModel;
import org.dangjian.organisation.work.CriteriaTemplates;
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
 * Assessment criteria as versioned data (考核标准) and units' assessments by them ("五化", "五力", 五好班子, 五好团队):
 * published, opened, scored, corrected and concluded by committee staff; 组织生活正常化 scored on the activities
 * service's published "三会一课" compliance (docs/organisation.md).
 */
@RestController
@Tag(name = "组织评定 Assessments")
class AssessmentsController {

    static final String SET_CODE = "^[a-z][a-z0-9-]{1,39}$";

    private final CommandDispatcher commands;
    private final WorkQueries queries;
    private final WorkAccess access;
    private final ComplianceReadModel compliance;
    private final CriteriaTemplates templates;

    AssessmentsController(CommandDispatcher commands, WorkQueries queries, WorkAccess access, ComplianceReadModel compliance,
                          CriteriaTemplates templates) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.compliance = compliance;
        this.templates = templates;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, AssessmentState.class);
    }

    @Operation(summary = "发布考核标准 Publish a criteria version", description = "The next version of the set named by code: its areas with "
            + "their maxima, its grades (the lowest from 0). Publishing the latest version's content again is CRITERIA_UNCHANGED.")
    @PostMapping(path = "/assessment-criteria", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> publish(@Valid @RequestBody WorkRequests.PublishCriteria request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        List<AssessmentArea> areas = request.areas().stream()
                .map(a -> new AssessmentArea(a.code(), a.name(), a.maxScore(), a.description(), a.factsSource())).toList();
        List<AssessmentGrade> grades = request.grades().stream().map(g -> new AssessmentGrade(g.grade(), g.label(), g.minScore())).toList();
        String criteriaId = AssessmentCommands.criteriaIdOf(request.code());
        boolean first = access.head(criteriaId).isEmpty();
        CommandResult result = commands.send(criteriaId, id -> new AssessmentCommands.PublishCriteria(id, request.code(), request.title(),
                request.subjectKinds().stream().map(Enum::name).toList(), areas, grades, request.reason(), first),
                access.context(idempotencyKey, "publish-criteria " + request.code(), request, null));
        return CommandResponse.of(ResponseEntity.created(URI.create("/assessment-criteria/" + request.code())), result);
    }

    @Operation(summary = "考核标准 Criteria sets", description = "The latest version of each published set.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessment-criteria", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<Map<String, Object>>> criteriaSets() {
        return Map.of("items", queries.criteriaSets());
    }

    @Operation(summary = "内置考核标准 Built-in criteria", description = "The sets the platform ships (五化, 五力, 五好班子, 五好团队), not yet "
            + "published: staff publish one as it is or changed.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessment-criteria/templates", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<Map<String, Object>>> templates() {
        return Map.of("items", templates.all());
    }

    @Operation(summary = "考核标准版本 A criteria version", description = "The latest, or the version asked for, with the list of versions.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessment-criteria/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> criteria(@PathVariable("code") String code, @RequestParam(required = false) @Min(1) Integer version,
                                 @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = criteriaId(code);
        return access.read(id, minSequence, () -> criteriaNotFound(code), c -> queries.criteria(c, version));
    }

    @Operation(summary = "考核标准时间线 A criteria set's timeline", description = "Every version published, oldest first.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessment-criteria/{code}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> criteriaTimeline(@PathVariable("code") String code,
                                         @RequestParam(required = false) @Min(0) Long minSequence, @RequestParam(defaultValue = "0") @Min(0) long from,
                                         @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        return access.timeline(criteriaId(code), WorkRecordsReadModel.Kind.CRITERIA, minSequence, from, limit,
                () -> criteriaNotFound(code));
    }

    @Operation(summary = "校验 Verify a criteria set's hash chain")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessment-criteria/{code}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verifyCriteria(@PathVariable("code") String code) {
        return access.verify(criteriaId(code), WorkRecordsReadModel.Kind.CRITERIA, () -> criteriaNotFound(code));
    }

    @Operation(summary = "开始评定 Open an assessment", description = "Of a unit for a year by a set's latest version (one per unit, year and "
            + "set: ASSESSMENT_ALREADY_EXISTS); the set must assess the unit's kind.")
    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> open(@Valid @RequestBody WorkRequests.OpenAssessment request,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        UnitFacts unit = access.unit("unitId", request.unitId());
        String id = AssessmentCommands.assessmentIdOf(request.criteriaCode(), unit.unitId(), request.year());
        CommandResult result = commands.send(id, assessmentId -> new AssessmentCommands.OpenAssessment(assessmentId, unit, request.year(),
                request.criteriaCode(), request.openedOn(), request.assessors()), access.context(idempotencyKey, "open-assessment", request,
                request.openedOn()));
        return CommandResponse.of(ResponseEntity.created(URI.create("/assessments/" + result.id())), result);
    }

    @Operation(summary = "评分 Score an area", description = "Once per area, 0 to its maximum, with evidence references; an area whose facts "
            + "come from the activities service's compliance records them in the event.")
    @PostMapping(path = "/assessments/{id}/scores", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> score(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Score request,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        tools.jackson.databind.JsonNode opened = access.firstEvent(id, WorkRecordsReadModel.Kind.ASSESSMENT, () -> notFound(id));
        List<ComplianceFact> facts = compliance.of(opened.get("unitId").asString(), opened.get("year").asInt());
        CommandResult result = commands.send(id, assessmentId -> new AssessmentCommands.ScoreArea(assessmentId, request.areaCode(), request.score(),
                request.date(), request.evidence(), request.note(), facts), access.context(idempotencyKey, "score-area " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "更正评分 Correct a score", description = "With the reason; the event names the one it corrects. After the conclusion "
            + "it carries the new total and grade.")
    @PostMapping(path = "/assessments/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> correct(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Correction request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, assessmentId -> new AssessmentCommands.CorrectScore(assessmentId, request.areaCode(),
                request.score(), request.date(), request.reason(), request.evidence()),
                access.context(idempotencyKey, "correct-score " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "评定结论 Conclude", description = "Once every area is scored: the total and the grade the version gives it.")
    @PostMapping(path = "/assessments/{id}/conclusion", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<CommandResponse> conclude(@PathVariable("id") String path, @Valid @RequestBody WorkRequests.Conclusion request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        String id = AggregateIds.canonical("id", path);
        CommandResult result = commands.send(id, assessmentId -> new AssessmentCommands.ConcludeAssessment(assessmentId, request.date(),
                request.conclusion()), access.context(idempotencyKey, "conclude-assessment " + id, request, request.date()));
        return CommandResponse.of(ResponseEntity.ok(), result);
    }

    @Operation(summary = "评定列表 Assessments", description = "Filtered by unit, year, set and state; newest year first.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Map<String, Object>> list(@RequestParam(required = false) String unit, @RequestParam(required = false) @Min(1921) @Max(2100) Integer year,
                                     @RequestParam(required = false) @Pattern(regexp = SET_CODE) String criteria,
                                     @RequestParam(required = false) AssessmentState state, @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String unitId = unit == null ? null : AggregateIds.canonical("unit", unit);
        return queries.assessments(new WorkQueries.AssessmentFilter(unitId, year, criteria, state == null ? null : state.name()), page, size);
    }

    @Operation(summary = "评定详情 An assessment", description = "Each area with its score, evidence, facts and corrections; the total and grade.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> assessment(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        return access.read(id, minSequence, () -> notFound(id), queries::assessment);
    }

    @Operation(summary = "评定时间线 An assessment's timeline", description = "Every score, correction and conclusion with actor and reason.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(TimelineStore.MAX_PAGE) int limit) {
        String id = AggregateIds.canonical("id", path);
        return access.timeline(id, WorkRecordsReadModel.Kind.ASSESSMENT, minSequence, from, limit, () -> notFound(id));
    }

    @Operation(summary = "校验 Verify an assessment's hash chain")
    @PreAuthorize(READERS)
    @GetMapping(path = "/assessments/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return access.verify(id, WorkRecordsReadModel.Kind.ASSESSMENT, () -> notFound(id));
    }

    @Operation(summary = "三会一课落实情况 A unit's compliance", description = "The activities service's published \"三会一课\" compliance "
            + "records of the unit for periods of the year (this year when not given): the facts 组织生活正常化 is scored on.")
    @PreAuthorize(READERS)
    @GetMapping(path = "/units/{id}/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> compliance(@PathVariable("id") String path, @RequestParam(required = false) @Min(1921) @Max(2100) Integer year) {
        UnitFacts unit = access.unit("id", path);
        int asked = year == null ? access.today().getYear() : year;
        return Map.of("unitId", unit.unitId(), "year", asked, "items", compliance.of(unit.unitId(), asked));
    }

    /** An assessment's states, for the list's filter. */
    enum AssessmentState { OPEN, CONCLUDED }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("ASSESSMENT_NOT_FOUND", "There is no assessment {0}", id);
    }

    /** The set's id by its code; a code that cannot be one is not found either (after the caller's role is checked). */
    private static String criteriaId(String code) {
        if (!code.matches(SET_CODE)) {
            throw criteriaNotFound(code);
        }
        return AssessmentCommands.criteriaIdOf(code);
    }

    static RuleViolation criteriaNotFound(String code) {
        return RuleViolation.notFound("CRITERIA_NOT_FOUND", "There are no criteria {0}", code);
    }
}
