package org.dangjian.runtime.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this service's event store holds of one aggregate's stream, whatever its type: how far it goes, its head's
 * hash and whether its chain holds. The audit service compares it with what the service published (a tail cut from
 * the store, a head rewritten with its hash recomputed, a stream deleted: none of them shows in the store alone).
 * Every service offers it, to auditors only (the discipline service's streams are nobody else's business either).
 */
@RestController
@Tag(name = "事件流 Event streams")
public class StreamsController {

    private final String service;
    private final EventStoreReader reader;
    private final ChainVerifier verifier;

    public StreamsController(String service, EventStoreReader reader, ChainVerifier verifier) {
        this.service = service;
        this.reader = reader;
        this.verifier = verifier;
    }

    /**
     * @param service        this service
     * @param aggregateType  the stream's aggregate type (from its first event)
     * @param headSequence   the highest sequence stored
     * @param headHash       the hash stored with that event
     * @param verification   the walk of the chain from sequence 0 ({@link ChainVerifier})
     */
    public record StreamState(String service, String aggregateId, String aggregateType, long headSequence, String headHash,
                              ChainVerification verification) {
    }

    @Operation(summary = "事件流 What the event store holds of a stream", description = "Any aggregate of this service, by id: its "
            + "type, the highest sequence stored and that event's hash, and the walk of its hash chain. For auditors; "
            + "the audit service compares it with the published events.")
    @PreAuthorize("hasRole('AUDITOR')")
    @GetMapping(path = "/streams/{aggregateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public StreamState stream(@PathVariable("aggregateId") String path) {
        String id = AggregateIds.canonical("aggregateId", path);
        long head = reader.lastStoredSequence(id).orElseThrow(() -> notFound(id));
        StoredEvent headEvent = reader.read(id, head).orElseThrow(() -> notFound(id));
        String aggregateType = reader.readRange(id, 0, 0).stream().findFirst().map(StoredEvent::aggregateType).orElse(headEvent.aggregateType());
        return new StreamState(service, id, aggregateType, head, headEvent.hash(), verifier.verify(id));
    }

    /** Which streams' heads to read. */
    public record HeadsRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "the streams, 1 to 1,000 aggregate ids",
                    example = "[\"7a1e8c3e-2f43-4b7e-9d0f-5d3f4e8a9b10\"]")
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = MAX_HEADS)
            java.util.List<@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Pattern(regexp = AggregateIds.UUID_PATTERN) String> aggregateIds) {
    }

    /** A stream's head as the store holds it. */
    public record Head(String aggregateId, String aggregateType, long headSequence, String headHash) {
    }

    /** At most this many streams per request. */
    public static final int MAX_HEADS = 1000;

    @Operation(summary = "事件流链头 The heads of several streams", description = "For each aggregate id (at most 1,000) the store holds events "
            + "of: the highest sequence stored and that event's hash; ids it holds nothing of are left out. No chain walk: the audit "
            + "service compares many streams at once this way.")
    @PreAuthorize("hasRole('AUDITOR')")
    @org.springframework.web.bind.annotation.PostMapping(path = "/streams/heads", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public java.util.Map<String, java.util.List<Head>> heads(
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody HeadsRequest request) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (String raw : request.aggregateIds()) {
            ids.add(AggregateIds.canonical("aggregateIds", raw));
        }
        java.util.List<String> newest = reader.lastStoredSequences(ids).entrySet().stream()
                .map(last -> org.dangjian.runtime.eventstore.EventDocuments.documentId(last.getKey(), last.getValue())).toList();
        java.util.List<Head> heads = new java.util.ArrayList<>();
        for (var event : reader.readByDocumentIds(newest)) {
            heads.add(new Head(event.aggregateId(), event.aggregateType(), event.sequence(), event.hash()));
        }
        return java.util.Map.of("heads", heads);
    }

    private static RuleViolation notFound(String id) {
        return RuleViolation.notFound("STREAM_NOT_FOUND", "The event store holds no event of {0}", id);
    }
}
