package org.dangjian.audit.web;

import static org.dangjian.audit.web.AuditAccess.AUDITOR;
import static org.dangjian.audit.web.AuditAccess.CHECKPOINT_SIGNERS;
import static org.dangjian.audit.web.AuditAccess.INTEGRITY_READERS;
import static org.dangjian.audit.web.AuditAccess.MAX_PAGE_SIZE;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bson.Document;
import org.dangjian.audit.checkpoint.Merkle;
import org.dangjian.audit.integrity.Checkpoints;
import org.dangjian.audit.integrity.Verifier;
import org.dangjian.audit.query.AuditQueries;
import org.dangjian.audit.query.AuditRecordsReadModel;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
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
 * Integrity (完整性): the findings witnessed as events arrived, verifications on request, and signed checkpoints with
 * their inclusion and consistency proofs.
 */
@RestController
@Tag(name = "完整性 Integrity")
class IntegrityController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final AuditQueries queries;
    private final AuditRecordsReadModel records;
    private final Checkpoints checkpoints;
    private final Verifier verifier;
    private final AuditAccess access;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier chains;

    IntegrityController(AuditQueries queries, AuditRecordsReadModel records, Checkpoints checkpoints, Verifier verifier, AuditAccess access,
                        ReadYourWrites readYourWrites, ChainVerifier chains) {
        this.queries = queries;
        this.records = records;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.access = access;
        this.readYourWrites = readYourWrites;
        this.chains = chains;
    }

    // ---------------------------------------------------------------- findings

    @Operation(summary = "完整性问题 Integrity findings", description = "What was found wrong, newest first: as events arrived (a hash "
            + "that is not its content's, a broken link, a gap, the same event delivered again with other content, a fork, a record "
            + "that is not an event) and by verifications (a store that disagrees with what was published, a checkpoint no longer "
            + "held). Never removed; a gap whose events arrived later is RESOLVED.")
    @PreAuthorize(INTEGRITY_READERS)
    @GetMapping(path = "/findings", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<AuditQueries.Finding> findings(@RequestParam(required = false) FindingStatus status, @RequestParam(required = false) String kind,
                                          @RequestParam(required = false) String service, @RequestParam(required = false) String aggregateId,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (kind != null && !kind.matches("[A-Z_]{1,40}")) {
            throw RuleViolation.invalid("INVALID_FINDING_KIND", "A finding kind is upper case letters and '_': {0}", kind);
        }
        return queries.findings(access.scope(), status == null ? null : status.name(), kind, service == null ? null : access.service(service),
                aggregateId == null ? null : AuditAccess.id("aggregateId", aggregateId), page, size);
    }

    /** A finding's state. */
    enum FindingStatus { OPEN, RESOLVED }

    // ---------------------------------------------------------------- verifications

    /** What to verify: one stream (service and aggregateId), or everything (neither). */
    record VerifyRequest(
            @Schema(description = "the stream's service; with aggregateId", example = "organisation") @Pattern(regexp = "[a-z][a-z0-9-]{0,62}")
            String service,
            @Schema(description = "the stream; with service", example = "7a1e8c3e-2f43-4b7e-9d0f-5d3f4e8a9b10")
            @Pattern(regexp = AggregateIds.UUID_PATTERN) String aggregateId) {
    }

    @Operation(summary = "核验 Verify one stream or all", description = "Walks the witnessed chain again, compares it with the latest "
            + "checkpoint and with what the publishing service's store holds now (asked with the caller's token), and records what it "
            + "found (VerificationCompleted). Auditors only. Send an Idempotency-Key to retry safely.")
    @PreAuthorize(AUDITOR)
    @PostMapping(path = "/verifications", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandResponse> verify(@Valid @RequestBody VerifyRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        if ((request.service() == null) != (request.aggregateId() == null)) {
            throw RuleViolation.invalid("VERIFY_SCOPE", "Name a stream by both service and aggregateId, or neither to verify everything");
        }
        String service = request.service() == null ? null : access.service(request.service());
        String aggregateId = request.aggregateId() == null ? null : AuditAccess.id("aggregateId", request.aggregateId());
        CommandResult result = verifier.verify(UUID.randomUUID().toString(), service, aggregateId, AuditAccess.bearerToken(),
                CommandContext.of(idempotencyKey, "verify", request, null).actingAs(Roles.AUDITOR));
        return CommandResponse.of(ResponseEntity.created(URI.create("/verifications/" + result.id())), result);
    }

    @Operation(summary = "核验记录 A verification", description = "What it checked and found.")
    @PreAuthorize(INTEGRITY_READERS)
    @GetMapping(path = "/verifications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Document verification(@PathVariable("id") String path, @RequestParam(required = false) @Min(0) Long minSequence) {
        String id = AggregateIds.canonical("id", path);
        readYourWrites.await(AuditRecordsReadModel.NAME, id, minSequence, () -> verificationNotFound(id));
        return records.verification(id).orElseThrow(() -> verificationNotFound(id));
    }

    @Operation(summary = "核验记录列表 Verifications", description = "Newest first.")
    @PreAuthorize(INTEGRITY_READERS)
    @GetMapping(path = "/verifications", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Document> verifications(@RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return new PageOf<>(records.verifications(page, size), page, size, records.verificationCount());
    }

    @Operation(summary = "校验 Verify a verification record's own hash chain")
    @PreAuthorize(INTEGRITY_READERS)
    @GetMapping(path = "/verifications/{id}/chain", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verificationChain(@PathVariable("id") String path) {
        String id = AggregateIds.canonical("id", path);
        return chains.verifyExisting(id, () -> verificationNotFound(id));
    }

    // ---------------------------------------------------------------- checkpoints

    @Operation(summary = "签署检查点 Sign a checkpoint now", description = "A Merkle root over every witnessed stream's head (service, id, "
            + "events, head hash), signed with the service's Ed25519 key and linked to the previous checkpoint; published on the audit "
            + "topic. The service signs one by itself every interval when something new was witnessed.")
    @PreAuthorize(CHECKPOINT_SIGNERS)
    @PostMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandResponse> sign(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        CommandResult result = checkpoints.sign(CommandContext.of(idempotencyKey, "checkpoint", Map.of(), null));
        return CommandResponse.of(ResponseEntity.created(URI.create("/checkpoints/" + (result.sequence() + 1))), result);
    }

    @Operation(summary = "检查点列表 Checkpoints", description = "Newest first, each with its statement and signature.")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Document> checkpointList(@RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return new PageOf<>(records.checkpoints(page, size), page, size, records.checkpointCount());
    }

    @Operation(summary = "签名公钥 The checkpoint signing key", description = "Ed25519, as PEM (SubjectPublicKeyInfo) for openssl, with its "
            + "id (SHA-256 of the DER).")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/checkpoints/key", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> key() {
        return Map.of("algorithm", "Ed25519", "keyId", checkpoints.keyId(), "publicKeyPem", checkpoints.publicKeyPem());
    }

    @Operation(summary = "检查点 A checkpoint")
    @PreAuthorize(Roles.SIGNED_IN)
    @GetMapping(path = "/checkpoints/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    Document checkpoint(@PathVariable("number") @Min(1) long number) {
        return checkpoints.checkpoint(number);
    }

    @Operation(summary = "检查点叶子 A checkpoint's leaves", description = "In their order: service, aggregateId, count, head. With all of "
            + "them anyone recomputes the root.")
    @PreAuthorize(INTEGRITY_READERS)
    @GetMapping(path = "/checkpoints/{number}/leaves", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Merkle.Leaf> leaves(@PathVariable("number") @Min(1) long number, @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int size) {
        return PageOf.of(checkpoints.leavesOf(checkpoints.checkpoint(number)), page, size);
    }

    @Operation(summary = "包含证明 Inclusion proof", description = "That a stream's head is a leaf of a checkpoint: the leaf, its index, "
            + "the RFC 9162 audit path, and the signed checkpoint (docs/audit.md: verify with openssl and a short script).")
    @PreAuthorize(AuditAccess.RECORD_READERS)
    @GetMapping(path = "/checkpoints/{number}/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> inclusion(@PathVariable("number") @Min(1) long number,
                                  @RequestParam(required = false) @Parameter(example = "organisation") String service,
                                  @RequestParam(required = false) String aggregateId) {
        if (service == null || aggregateId == null) {
            throw RuleViolation.invalid("INCLUSION_NEEDS_STREAM", "Name the stream whose inclusion to prove: service and aggregateId");
        }
        String name = access.service(service);
        String id = AuditAccess.id("aggregateId", aggregateId);
        queries.stream(access.scope(), name, id); // the caller may see the stream
        return checkpoints.inclusion(number, name, id);
    }

    @Operation(summary = "一致性证明 Consistency proof", description = "That checkpoint {number} holds everything the earlier one (from) "
            + "held: every stream as long or longer, the same head where no event was added. For one stream (service and aggregateId) "
            + "with the material to check it outside the platform: both inclusion proofs and the chain's links in between.")
    @PreAuthorize(INTEGRITY_READERS)
    @GetMapping(path = "/checkpoints/{number}/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> consistency(@PathVariable("number") @Min(1) long number,
                                    @RequestParam(required = false) @Min(1) @Parameter(description = "the earlier checkpoint (default: the one before)")
                                    Long from,
                                    @RequestParam(required = false) String service, @RequestParam(required = false) String aggregateId) {
        if ((service == null) != (aggregateId == null)) {
            throw RuleViolation.invalid("VERIFY_SCOPE", "Name a stream by both service and aggregateId, or neither to verify everything");
        }
        return checkpoints.consistency(from == null ? number - 1 : from, number, service == null ? null : access.service(service),
                aggregateId == null ? null : AuditAccess.id("aggregateId", aggregateId));
    }

    // ---------------------------------------------------------------- overview

    @Operation(summary = "完整性概况 Integrity overview", description = "Open findings by kind, the latest checkpoint and verification.")
    @PreAuthorize(INTEGRITY_READERS)
    @GetMapping(path = "/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> overview() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("openFindings", queries.openFindingsByKind());
        answer.put("latestCheckpoint", records.latestCheckpoint().orElse(null));
        List<Document> latest = records.verifications(0, 1);
        answer.put("latestVerification", latest.isEmpty() ? null : latest.get(0));
        return answer;
    }

    private static RuleViolation verificationNotFound(String id) {
        return RuleViolation.notFound("VERIFICATION_NOT_FOUND", "There is no verification {0}", id);
    }
}
