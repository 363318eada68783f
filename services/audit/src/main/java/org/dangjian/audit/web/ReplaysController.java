package org.dangjian.audit.web;

import static org.dangjian.audit.web.AuditAccess.AUDITOR;
import static org.dangjian.audit.web.AuditAccess.MAX_PAGE_SIZE;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.dangjian.audit.integrity.Replayer;
import org.dangjian.audit.query.AuditRecordsReadModel;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.security.Roles;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.web.CommandResponse;
import org.dangjian.runtime.web.PageOf;
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
 * Replays of the record (重放历史决策): rebuilt from offset 0 of every topic beside the live record, which keeps
 * answering; progress while it runs, and at the end whether it is identical to the live record or exactly what differs.
 */
@RestController
@Tag(name = "重放 Replays")
class ReplaysController {

    private static final String REPLAY_READERS = "hasAnyRole('AUDITOR', 'PLATFORM_OPERATOR')";

    private final Replayer replayer;
    private final AuditRecordsReadModel records;
    private final AuditAccess access;
    private final ReadYourWrites readYourWrites;

    ReplaysController(Replayer replayer, AuditRecordsReadModel records, AuditAccess access, ReadYourWrites readYourWrites) {
        this.replayer = replayer;
        this.records = records;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "开始重放 Replay the record", description = "Everything ({}), or one stream ({service, aggregateId}): read from "
            + "offset 0 of the topics up to where they end now into a ledger beside the live one, then compared with it. One at a "
            + "time (409 REPLAY_RUNNING). Auditors only. Send an Idempotency-Key to retry safely.")
    @PreAuthorize(AUDITOR)
    @PostMapping(path = "/replays", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandResponse> start(@Valid @RequestBody IntegrityController.VerifyRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if ((request.service() == null) != (request.aggregateId() == null)) {
            throw RuleViolation.invalid("VERIFY_SCOPE", "Name a stream by both service and aggregateId, or neither to verify everything");
        }
        String service = request.service() == null ? null : access.service(request.service());
        String aggregateId = request.aggregateId() == null ? null : AuditAccess.id("aggregateId", request.aggregateId());
        CommandResult result = replayer.start(service, aggregateId, CommandContext.of(idempotencyKey, "replay", request, null)
                .actingAs(Roles.AUDITOR));
        return CommandResponse.of(ResponseEntity.created(URI.create("/replays/" + result.id())), result);
    }

    @Operation(summary = "重放进度与结果 A replay", description = "While it runs: records read of the total, the rate and the time left; "
            + "when finished: identical, or the differences (the first 200), and the raw read time of the same records.")
    @PreAuthorize(REPLAY_READERS)
    @GetMapping(path = "/replays/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> replay(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        readYourWrites.await(AuditRecordsReadModel.NAME, id, minSequence, () -> notFound(id));
        return view(records.replay(id).orElseThrow(() -> notFound(id)));
    }

    @Operation(summary = "重放列表 Replays", description = "Newest first.")
    @PreAuthorize(REPLAY_READERS)
    @GetMapping(path = "/replays", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Map<String, Object>> replays(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        List<Map<String, Object>> views = new ArrayList<>();
        records.replays(page, size).forEach(doc -> views.add(view(doc)));
        return new PageOf<>(views, page, size, records.replayCount());
    }

    private Map<String, Object> view(Document doc) {
        Map<String, Object> view = new LinkedHashMap<>();
        String id = doc.getString("_id");
        view.put("id", id);
        view.put("service", doc.getString("service"));
        view.put("aggregateId", doc.getString("aggregateId"));
        view.put("eventsTotal", doc.get("eventsTotal"));
        view.put("startedAt", doc.getDate("startedAt"));
        view.put("by", doc.getString("by"));
        boolean finished = doc.getDate("finishedAt") != null;
        var progress = replayer.progress(id);
        Instant now = Instant.now();
        if (finished) {
            view.put("state", "FINISHED");
            view.put("eventsDone", doc.get("eventsReplayed"));
        } else if (progress.isPresent()) {
            String state = progress.get().state().get();
            view.put("state", "FINISHED".equals(state) ? "RUNNING" : state); // its result is being recorded
            view.put("eventsDone", progress.get().done().get());
            view.put("ratePerSecond", Math.round(progress.get().ratePerSecond(now)));
            view.put("secondsLeft", progress.get().secondsLeft(now));
        } else {
            view.put("state", "INTERRUPTED"); // started by an instance that stopped before it finished
        }
        if (finished) {
            view.put("finishedAt", doc.getDate("finishedAt"));
            view.put("eventsReplayed", doc.get("eventsReplayed"));
            view.put("millis", doc.get("millis"));
            view.put("rawMillis", doc.get("rawMillis"));
            Number millis = doc.get("millis", Number.class);
            Number events = doc.get("eventsReplayed", Number.class);
            Number raw = doc.get("rawMillis", Number.class);
            if (millis != null && events != null && millis.longValue() > 0) {
                view.put("ratePerSecond", Math.round(events.longValue() * 1000.0 / millis.longValue()));
            }
            if (raw != null && events != null && raw.longValue() > 0) {
                view.put("rawRatePerSecond", Math.round(events.longValue() * 1000.0 / raw.longValue()));
            }
            view.put("streamsCompared", doc.get("streamsCompared"));
            view.put("identical", doc.getBoolean("identical"));
            view.put("differenceCount", doc.get("differenceCount"));
            view.put("differences", doc.get("differences"));
        }
        return view;
    }

    private static RuleViolation notFound(String id) {
        return RuleViolation.notFound("REPLAY_NOT_FOUND", "There is no replay {0}", id);
    }
}
