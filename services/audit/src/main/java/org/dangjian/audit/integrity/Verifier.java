package org.dangjian.audit.integrity;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.audit.checkpoint.Merkle;
import org.dangjian.audit.command.AuditCommands;
import org.dangjian.audit.query.AuditLedger;
import org.dangjian.audit.query.Ledger;
import org.dangjian.contracts.audit.IntegrityFinding;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.springframework.stereotype.Component;

/**
 * Verifies one witnessed stream or all of them again (核验), and records what it checked and found
 * ({@code VerificationCompleted}): every event's hash computed again from its content and every link to the one
 * before; the stream against the latest signed checkpoint (it must still hold what the checkpoint holds); and against
 * what the publishing service's store holds now ({@link StoreClient}): a tail cut from the store, a head rewritten
 * with its hash recomputed, a stream deleted, which the store's own chain cannot show.
 */
@Component
public class Verifier {

    private final Ledger ledger;
    private final Checkpoints checkpoints;
    private final StoreClient stores;
    private final CommandDispatcher commands;
    private final Clock clock;

    public Verifier(AuditLedger ledger, Checkpoints checkpoints, StoreClient stores, CommandDispatcher commands, Clock clock) {
        this.ledger = ledger.ledger();
        this.checkpoints = checkpoints;
        this.stores = stores;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Verifies one stream ({@code service} and {@code aggregateId}) or every stream (both null), comparing with the
     * stores with the caller's token, and records the result as {@code id}'s verification.
     */
    public CommandResult verify(String id, String service, String aggregateId, String bearerToken, CommandContext context) {
        Instant startedAt = clock.instant();
        Bson scope = service == null ? new Document() : eq("_id", Ledger.stream(service, aggregateId));
        Optional<Document> latest = checkpoints.latest();
        java.util.Map<String, Merkle.Leaf> checkpointed = new java.util.HashMap<>();
        latest.ifPresent(checkpoint -> checkpoints.leavesOf(checkpoint)
                .forEach(leaf -> checkpointed.put(Ledger.stream(leaf.service(), leaf.aggregateId()), leaf)));
        List<IntegrityFinding> findings = new ArrayList<>();
        long streams = 0;
        long events = 0;
        long compared = 0;
        long unreachable = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Document> streamDocs = ledger.streams().find(scope).sort(Sorts.ascending("_id")).into(new ArrayList<>());
        java.util.Map<String, List<String>> hashes = new java.util.HashMap<>();
        java.util.Map<String, Ledger.ChainCheck> walks = service == null ? ledger.checkAll(hashes) : java.util.Map.of();
        // the stores: everything at once per service (heads only), one stream with the store's own chain walk
        java.util.Map<String, java.util.Optional<java.util.Map<String, StoreClient.Head>>> heads = new java.util.HashMap<>();
        if (service == null && bearerToken != null) {
            java.util.Map<String, List<String>> idsByService = new java.util.TreeMap<>();
            streamDocs.forEach(doc -> idsByService.computeIfAbsent(doc.getString("service"), s -> new ArrayList<>()).add(doc.getString("aggregateId")));
            idsByService.forEach((name, ids) -> heads.put(name, stores.heads(name, ids, bearerToken)));
        }
        for (Document stream : streamDocs) {
            streams++;
            String key = stream.getString("_id");
            seen.add(key);
            String streamService = stream.getString("service");
            String id2 = stream.getString("aggregateId");
            Ledger.ChainCheck check = service == null ? walks.getOrDefault(key, new Ledger.ChainCheck(0, true, null, List.of())) : ledger.check(key);
            events += check.eventsChecked();
            check.problems().forEach(problem -> findings.add(new IntegrityFinding(problem.kind(), streamService, id2, problem.sequence(),
                    problem.detail())));
            long count = stream.get("count", Number.class).longValue();
            String head = stream.getString("head");
            Merkle.Leaf leaf = checkpointed.get(key);
            if (leaf != null) {
                List<String> streamHashes = hashes.get(key);
                String atHead = streamHashes != null && leaf.count() - 1 < streamHashes.size() ? streamHashes.get((int) (leaf.count() - 1))
                        : service == null ? null : hashAt(key, leaf.count() - 1);
                checkAgainstCheckpoint(leaf, count, atHead, latest.get().get("number", Number.class).longValue(), findings);
            }
            if (bearerToken != null && count > 0) {
                StoreClient.StoreState store;
                if (service == null) {
                    java.util.Optional<java.util.Map<String, StoreClient.Head>> known = heads.getOrDefault(streamService, java.util.Optional.empty());
                    StoreClient.Head stored = known.map(map -> map.get(id2)).orElse(null);
                    store = known.isEmpty() ? StoreClient.StoreState.unreachable(streamService + " did not answer")
                            : stored == null ? new StoreClient.StoreState(true, false, -1, null, true, null, null, null)
                            : new StoreClient.StoreState(true, true, stored.headSequence(), stored.headHash(), true, null, null, null);
                } else {
                    store = stores.stream(streamService, id2, bearerToken);
                }
                if (!store.reachable()) {
                    unreachable++;
                } else {
                    compared++;
                    compareWithStore(store, streamService, id2, count, head, findings);
                }
            }
        }
        if (service == null) {
            // a checkpointed stream the record no longer holds at all
            for (Merkle.Leaf leaf : checkpointed.values()) {
                if (!seen.contains(Ledger.stream(leaf.service(), leaf.aggregateId()))) {
                    findings.add(new IntegrityFinding("CHECKPOINT_INCONSISTENT", leaf.service(), leaf.aggregateId(), 0, "Checkpoint "
                            + latest.get().get("number") + " holds " + leaf.count() + " events of this stream; the witnessed record holds none"));
                }
            }
        } else if (!seen.contains(Ledger.stream(service, aggregateId))) {
            // a stream never witnessed: a checkpoint that holds it, or a store that holds it, says something is wrong
            if (checkpointed.containsKey(Ledger.stream(service, aggregateId))) {
                findings.add(new IntegrityFinding("CHECKPOINT_INCONSISTENT", service, aggregateId, 0, "Checkpoint "
                        + latest.get().get("number") + " holds this stream; the witnessed record holds none of it"));
            }
            if (bearerToken != null) {
                StoreClient.StoreState store = stores.stream(service, aggregateId, bearerToken);
                if (!store.reachable()) {
                    unreachable++;
                } else {
                    compared++;
                    if (store.found()) {
                        findings.add(new IntegrityFinding("STORE_AHEAD", service, aggregateId, 0, "The store holds " + (store.headSequence() + 1)
                                + " events of this stream; none was witnessed (not yet published, or never)"));
                    }
                }
            }
        }
        long checkedStreams = streams;
        long checkedEvents = events;
        long storesCompared = compared;
        long storesUnreachable = unreachable;
        Long checkpointNumber = latest.map(c -> c.get("number", Number.class).longValue()).orElse(null);
        return commands.send(id, verificationId -> new AuditCommands.RecordVerification(verificationId, service, aggregateId, startedAt,
                checkedStreams, checkedEvents, storesCompared, storesUnreachable, checkpointNumber, findings), context);
    }

    /** The stream must still hold what the checkpoint holds: as many events, the one at the checkpoint's head the same. */
    private static void checkAgainstCheckpoint(Merkle.Leaf leaf, long count, String hashAtHead, long number, List<IntegrityFinding> findings) {
        if (count < leaf.count()) {
            findings.add(new IntegrityFinding("CHECKPOINT_INCONSISTENT", leaf.service(), leaf.aggregateId(), count, "Checkpoint " + number
                    + " holds " + leaf.count() + " events of this stream; the witnessed record now holds " + count + " (cut from sequence "
                    + count + ")"));
            return;
        }
        if (!leaf.head().equals(hashAtHead)) {
            findings.add(new IntegrityFinding("CHECKPOINT_INCONSISTENT", leaf.service(), leaf.aggregateId(), leaf.count() - 1, "Checkpoint "
                    + number + " holds head " + leaf.head() + " at sequence " + (leaf.count() - 1) + "; the witnessed record has "
                    + (hashAtHead == null ? "no event there" : hashAtHead)));
        }
    }

    private String hashAt(String stream, long sequence) {
        Document event = ledger.events().find(eq("_id", stream + "|" + sequence)).first();
        return event == null ? null : event.getString("hash");
    }

    /** What the store holds against what was published (and witnessed). */
    private void compareWithStore(StoreClient.StoreState store, String service, String aggregateId, long count, String head,
                                  List<IntegrityFinding> findings) {
        if (!store.found()) {
            findings.add(new IntegrityFinding("STORE_MISSING", service, aggregateId, 0, service + " published " + count
                    + " events of this stream; its store holds none"));
            return;
        }
        long stored = store.headSequence() + 1;
        if (stored < count) {
            findings.add(new IntegrityFinding("STORE_BEHIND", service, aggregateId, stored, service + " published " + count
                    + " events of this stream; its store holds " + stored + " (sequences " + stored + ".." + (count - 1) + " cut)"));
        } else if (stored == count && !head.equals(store.headHash())) {
            findings.add(new IntegrityFinding("STORE_HEAD_DIFFERS", service, aggregateId, count - 1, "The published event " + (count - 1)
                    + " has hash " + head + "; the store's has " + store.headHash() + " (rewritten after it was published)"));
        } else if (stored > count) {
            findings.add(new IntegrityFinding("STORE_AHEAD", service, aggregateId, count, "The store holds " + stored + " events; "
                    + count + " were published and witnessed (the rest not yet published, or never)"));
        }
        if (!store.intact()) {
            findings.add(new IntegrityFinding("STORE_CHAIN_BROKEN", service, aggregateId, store.brokenAtSequence() == null ? 0
                    : store.brokenAtSequence(), "The store's own chain breaks: " + store.problem()));
        }
    }
}
