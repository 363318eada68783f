package org.dangjian.audit.web;

import static org.dangjian.audit.web.AuditAccess.MAX_PAGE_SIZE;
import static org.dangjian.audit.web.AuditAccess.RECORD_READERS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.dangjian.audit.integrity.Checkpoints;
import org.dangjian.audit.query.AuditQueries;
import org.dangjian.audit.query.AuditScope;
import org.dangjian.audit.query.SubjectRules;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.Roles;
import org.dangjian.runtime.web.PageOf;
import org.dangjian.runtime.web.StrictParameters;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit record's timelines (审计时间线): the audited subjects, a stream's or subject's events with actor, times,
 * reason, hashes and cross-service causation, a member's and an organisation unit's, the state as of any moment and
 * what changed between two, and the export of a timeline with its verification and checkpoint.
 */
@RestController
@Tag(name = "审计时间线 Audit timelines")
class TimelinesController {

    private final AuditQueries queries;
    private final AuditAccess access;
    private final Checkpoints checkpoints;

    TimelinesController(AuditQueries queries, AuditAccess access, Checkpoints checkpoints) {
        this.queries = queries;
        this.access = access;
        this.checkpoints = checkpoints;
    }

    @InitBinder
    void exactEnums(WebDataBinder binder) {
        StrictParameters.exactEnum(binder, AuditQueries.TimeAxis.class);
    }

    @Operation(summary = "审计对象类别 Kinds of audited subjects", description = "The configured kinds (audit-subjects.json): each with "
            + "the event type that opens it; a new assessment type joins by configuration.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/subject-kinds", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> kinds() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", queries.rules().version());
        answer.put("kinds", queries.rules().rules().stream().map(rule -> Map.of("kind", rule.kind(), "title", rule.title(),
                "titleEn", rule.titleEn(), "openedBy", rule.openedBy())).toList());
        return answer;
    }

    @Operation(summary = "审计对象 Audited subjects", description = "Assessments, evaluations, inspections … newest first, by kind, "
            + "member or unit; what the caller may read (a secretary his branch's, a member his own, discipline content only for "
            + "discipline inspectors and auditors).")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/subjects", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<AuditQueries.Subject> subjects(@RequestParam(required = false) String kind, @RequestParam(required = false) String memberId,
                                          @RequestParam(required = false) String unitId, @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (kind != null && queries.rules().rule(kind).isEmpty()) {
            throw RuleViolation.invalid("UNKNOWN_SUBJECT_KIND", "There is no subject kind {0}", kind);
        }
        return queries.subjects(access.scope(), kind, memberId == null ? null : AuditAccess.id("memberId", memberId),
                unitId == null ? null : AuditAccess.id("unitId", unitId), page, size);
    }

    @Operation(summary = "时间线 A stream's timeline", description = "Every witnessed event of a record of a service (or of one subject "
            + "within it: part), in order, from a sequence: actor, role, organisation, occurred-at, recorded-at, published-at, reason, "
            + "previous hash and hash, and what caused it or what it caused in any service.")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/timelines/{service}/{aggregateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> timeline(@PathVariable("service") String service, @PathVariable("aggregateId") String aggregateId,
                                 @RequestParam(required = false) @Parameter(description = "one subject's events within the stream") String part,
                                 @RequestParam(defaultValue = "0") @Min(0) long from,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        String name = access.service(service);
        String id = AuditAccess.id("aggregateId", aggregateId);
        AuditScope scope = access.scope();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("stream", queries.stream(scope, name, id));
        answer.put("entries", queries.timeline(scope, name, id, part(part), from, limit));
        return answer;
    }

    @Operation(summary = "某时点状态 As of a moment", description = "The record as the events up to a moment left it: by=OCCURRED (when "
            + "things happened, business time) or RECORDED (when they were recorded); they differ when something was entered late or "
            + "corrected.")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/timelines/{service}/{aggregateId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditQueries.AsOf asOf(@PathVariable("service") String service, @PathVariable("aggregateId") String aggregateId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                           @Parameter(description = "the moment (default: now)", example = "2024-03-01T00:00:00Z") Instant at,
                           @RequestParam(defaultValue = "OCCURRED") AuditQueries.TimeAxis by, @RequestParam(required = false) String part) {
        return queries.asOf(access.scope(), access.service(service), AuditAccess.id("aggregateId", aggregateId), part(part),
                at == null ? Instant.now() : at, by);
    }

    @Operation(summary = "两时点差异 Difference between two moments", description = "The events between them and every field whose "
            + "value differs.")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/timelines/{service}/{aggregateId}/difference", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditQueries.Difference difference(@PathVariable("service") String service, @PathVariable("aggregateId") String aggregateId,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                       @Parameter(description = "the first moment (default: the beginning)", example = "2024-03-01T00:00:00Z")
                                       Instant from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                       @Parameter(description = "the second moment (default: now)", example = "2024-04-01T00:00:00Z") Instant to,
                                       @RequestParam(defaultValue = "OCCURRED") AuditQueries.TimeAxis by,
                                       @RequestParam(required = false) String part) {
        return queries.difference(access.scope(), access.service(service), AuditAccess.id("aggregateId", aggregateId), part(part),
                from == null ? Instant.EPOCH : from, to == null ? Instant.now() : to, by);
    }

    @Operation(summary = "导出 Export a timeline", description = "Everything an auditor files: the stream, every event (at most 10,000), "
            + "the chain checked again now, and the latest checkpoint covering the stream with its inclusion proof (docs/audit.md says "
            + "how to verify it without the platform).")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/timelines/{service}/{aggregateId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> export(@PathVariable("service") String service, @PathVariable("aggregateId") String aggregateId,
                               @RequestParam(required = false) String part) {
        String name = access.service(service);
        String id = AuditAccess.id("aggregateId", aggregateId);
        AuditScope scope = access.scope();
        AuditQueries.StreamSummary stream = queries.stream(scope, name, id);
        PageOf<AuditQueries.Entry> entries = queries.timeline(scope, name, id, part(part), 0, 10_000);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("format", "dangjian-audit-timeline-v1");
        answer.put("exportedAt", Instant.now());
        answer.put("stream", stream);
        answer.put("part", part(part));
        answer.put("entries", entries.items());
        answer.put("verification", queries.chainCheck(scope, name, id));
        answer.put("checkpoint", checkpoints.covering(name, id).orElse(null));
        return answer;
    }

    @Operation(summary = "党员时间线 A member's timeline", description = "Every witnessed event naming the member, or of a record that "
            + "does, in any service, by recording time. A party member reads his own; a secretary his branch's members'.")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/members/{memberId}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<AuditQueries.Entry> member(@PathVariable("memberId") String memberId, @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return queries.timelineOf(access.scope(), "members", AuditAccess.id("memberId", memberId), page, size);
    }

    @Operation(summary = "组织时间线 An organisation unit's timeline", description = "Every witnessed event naming the unit, or of a record "
            + "that does, in any service, by recording time. A secretary reads his branch's.")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/units/{unitId}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<AuditQueries.Entry> unit(@PathVariable("unitId") String unitId, @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return queries.timelineOf(access.scope(), "units", AuditAccess.id("unitId", unitId), page, size);
    }

    @Operation(summary = "同一请求 Everything one request set off", description = "The witnessed events sharing a correlation id (the "
            + "command's and every reaction's, in any service), by recording time: at most 1,000; what the caller may not read is "
            + "left out.")
    @PreAuthorize(RECORD_READERS)
    @GetMapping(path = "/correlations/{correlationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditQueries.Entry> correlated(@PathVariable("correlationId") String correlationId) {
        if (!correlationId.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw RuleViolation.invalid("INVALID_CORRELATION_ID", "A correlation id is 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        return queries.correlated(access.scope(), correlationId, 1000);
    }

    private static String part(String part) {
        if (part == null) {
            return null;
        }
        if (!part.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw RuleViolation.invalid("INVALID_PART", "A part is 1 to 64 letters, digits, '.', '_' or '-': {0}", part);
        }
        return part;
    }
}
