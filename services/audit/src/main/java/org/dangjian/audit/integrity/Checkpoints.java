package org.dangjian.audit.integrity;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.dangjian.audit.checkpoint.CheckpointKey;
import org.dangjian.audit.checkpoint.Merkle;
import org.dangjian.audit.command.AuditCommands;
import org.dangjian.audit.query.AuditLedger;
import org.dangjian.audit.query.AuditRecordsReadModel;
import org.dangjian.audit.query.Ledger;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.CommandResult;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints over the witnessed streams' heads, on request and periodically ({@code dangjian.audit.checkpoint-interval},
 * only when something new was witnessed), and answers their proofs: a stream's inclusion in a checkpoint (RFC 9162
 * audit path) and the consistency of a later checkpoint with an earlier one (every stream of the earlier one is in the
 * later one, as long or longer, its chain running on from the earlier head).
 */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Ledger ledger;
    private final CheckpointLeaves leaves;
    private final AuditRecordsReadModel records;
    private final CommandDispatcher commands;
    private final CheckpointKey key;
    private final Clock clock;
    private final org.dangjian.runtime.eventstore.EventStoreReader store;
    private final org.dangjian.runtime.readmodel.ReadYourWrites readYourWrites;

    public Checkpoints(AuditLedger ledger, CheckpointLeaves leaves, AuditRecordsReadModel records, CommandDispatcher commands, CheckpointKey key,
                       Clock clock, org.dangjian.runtime.eventstore.EventStoreReader store,
                       org.dangjian.runtime.readmodel.ReadYourWrites readYourWrites) {
        this.store = store;
        this.readYourWrites = readYourWrites;
        this.ledger = ledger.ledger();
        this.leaves = leaves;
        this.records = records;
        this.commands = commands;
        this.key = key;
        this.clock = clock;
    }

    /** The witnessed streams' heads now, sorted: every stream holding sequence 0 on. */
    public List<Merkle.Leaf> currentLeaves() {
        List<Merkle.Leaf> all = new ArrayList<>();
        for (Document stream : ledger.streams().find(gt("count", 0L))
                .projection(Projections.include("service", "aggregateId", "count", "head"))) {
            all.add(new Merkle.Leaf(stream.getString("service"), stream.getString("aggregateId"), stream.get("count", Number.class).longValue(),
                    stream.getString("head")));
        }
        return Merkle.sorted(all);
    }

    /** The heads now, sorted, their root and how many events they hold. */
    private record Heads(List<Merkle.Leaf> sorted, String root, long events) {

        AuditCommands.SignCheckpoint command(String logId, java.time.Instant issuedAt) {
            return new AuditCommands.SignCheckpoint(logId, root, sorted.size(), events, issuedAt);
        }
    }

    private Heads heads() {
        List<Merkle.Leaf> sorted = currentLeaves();
        return new Heads(sorted, HEX.formatHex(Merkle.root(Merkle.hashes(sorted))), sorted.stream().mapToLong(Merkle.Leaf::count).sum());
    }

    /** Signs a checkpoint over the heads now, as the caller of the request. */
    public CommandResult sign(CommandContext context) {
        Heads heads = heads();
        leaves.save(heads.root(), heads.sorted());
        return commands.send(AuditCommands.CHECKPOINT_LOG_ID, id -> heads.command(id, clock.instant()), context);
    }

    /** The periodic checkpoint, signed by the service itself when the heads moved since the last one. */
    @Scheduled(initialDelayString = "${dangjian.audit.checkpoint-initial-delay:PT2M}",
            fixedDelayString = "${dangjian.audit.checkpoint-interval:PT1H}")
    public void signPeriodically() {
        try {
            Heads heads = heads();
            if (heads.sorted().isEmpty()
                    || records.latestCheckpoint().map(latest -> latest.getString("root").equals(heads.root())).orElse(false)) {
                return;
            }
            leaves.save(heads.root(), heads.sorted());
            CommandResult result = commands.sendAs(Actor.service("audit"), AuditCommands.CHECKPOINT_LOG_ID,
                    id -> heads.command(id, clock.instant()), CommandContext.of(null, "checkpoint", Map.of("root", heads.root()), null));
            log.info("Signed checkpoint {} over {} streams ({} events), root {}", result.sequence() + 1, heads.sorted().size(), heads.events(),
                    heads.root());
        } catch (RuntimeException e) {
            log.warn("The periodic checkpoint failed ({}); the next interval tries again", e.toString());
        }
    }

    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    public String keyId() {
        return key.keyId();
    }

    /** A checkpoint by number; one signed a moment ago is waited for (read your writes), one never signed is its 404. */
    public Document checkpoint(long number) {
        long signed = store.lastStoredSequence(AuditCommands.CHECKPOINT_LOG_ID).orElse(-1L) + 1;
        if (number > signed || number < 1) {
            throw notFound(number);
        }
        readYourWrites.await(AuditRecordsReadModel.NAME, AuditCommands.CHECKPOINT_LOG_ID, number - 1, () -> notFound(number));
        return records.checkpoint(number).orElseThrow(() -> notFound(number));
    }

    /** A stream's inclusion proof in a checkpoint (everything an outsider needs, docs/audit.md). */
    public Map<String, Object> inclusion(long number, String service, String aggregateId) {
        Document checkpoint = checkpoint(number);
        List<Merkle.Leaf> sorted = leaves.load(checkpoint.getString("root"));
        int index = indexOf(sorted, service, aggregateId);
        if (index < 0) {
            throw RuleViolation.notFound("STREAM_NOT_IN_CHECKPOINT", "Checkpoint {0} holds no stream {1} {2}", number, service, aggregateId);
        }
        Merkle.Leaf leaf = sorted.get(index);
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("checkpoint", signed(checkpoint));
        proof.put("leafIndex", index);
        proof.put("treeSize", sorted.size());
        proof.put("leaf", leaf);
        proof.put("leafText", leaf.text());
        proof.put("leafHash", leaf.hash());
        proof.put("path", Merkle.inclusionPath(Merkle.hashes(sorted), index));
        return proof;
    }

    /**
     * Whether checkpoint {@code to} is consistent with the earlier {@code from}: every stream of {@code from} is in
     * {@code to} with at least as many events, and with as many, the same head; with more, the witnessed chain runs
     * from the earlier head to the later one. For one stream ({@code service} and {@code aggregateId} given) the
     * answer carries the proof material an outsider checks: both checkpoints, both inclusion proofs, and the chain's
     * links (each event's previous hash and hash) from the earlier head to the later.
     */
    public Map<String, Object> consistency(long from, long to, String service, String aggregateId) {
        if (from >= to) {
            throw RuleViolation.invalid("CHECKPOINTS_NOT_IN_ORDER", "Compare an earlier checkpoint with a later one: {0} is not before {1}", from, to);
        }
        Document earlier = checkpoint(from);
        Document later = checkpoint(to);
        List<Merkle.Leaf> before = leaves.load(earlier.getString("root"));
        List<Merkle.Leaf> after = leaves.load(later.getString("root"));
        Map<String, Merkle.Leaf> afterByStream = new LinkedHashMap<>();
        after.forEach(leaf -> afterByStream.put(Ledger.stream(leaf.service(), leaf.aggregateId()), leaf));
        List<Map<String, Object>> problems = new ArrayList<>();
        long checked = 0;
        for (Merkle.Leaf leaf : before) {
            if (service != null && !(leaf.service().equals(service) && leaf.aggregateId().equals(aggregateId))) {
                continue;
            }
            checked++;
            Merkle.Leaf now = afterByStream.get(Ledger.stream(leaf.service(), leaf.aggregateId()));
            String problem = problem(leaf, now);
            if (problem != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("service", leaf.service());
                entry.put("aggregateId", leaf.aggregateId());
                entry.put("earlier", leaf);
                entry.put("later", now);
                entry.put("problem", problem);
                problems.add(entry);
            }
        }
        if (service != null && checked == 0) {
            throw RuleViolation.notFound("STREAM_NOT_IN_CHECKPOINT", "Checkpoint {0} holds no stream {1} {2}", from, service, aggregateId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from);
        answer.put("to", to);
        answer.put("streamsChecked", checked);
        answer.put("consistent", problems.isEmpty());
        answer.put("problems", problems.size() > 1000 ? problems.subList(0, 1000) : problems);
        answer.put("problemCount", problems.size());
        if (service != null) {
            answer.put("earlier", inclusion(from, service, aggregateId));
            Merkle.Leaf now = afterByStream.get(Ledger.stream(service, aggregateId));
            answer.put("later", now == null ? null : inclusion(to, service, aggregateId));
            Merkle.Leaf then = before.get(indexOf(before, service, aggregateId));
            answer.put("links", now == null || now.count() <= then.count() ? List.of()
                    : links(Ledger.stream(service, aggregateId), then.count(), now.count()));
        }
        return answer;
    }

    private static String problem(Merkle.Leaf earlier, Merkle.Leaf later) {
        if (later == null) {
            return "REMOVED";
        }
        if (later.count() < earlier.count()) {
            return "SHORTER";
        }
        if (later.count() == earlier.count() && !later.head().equals(earlier.head())) {
            return "REWRITTEN";
        }
        return null;
    }

    /** The chain's links for sequences {@code from .. to-1}: each event's previous hash and hash, as witnessed. */
    private List<Map<String, Object>> links(String stream, long from, long to) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (Document event : ledger.events().find(and(eq("stream", stream), gt("sequence", from - 1), lt("sequence", to)))
                .projection(Projections.include("sequence", "prevHash", "hash")).sort(Sorts.ascending("sequence"))) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("sequence", event.get("sequence", Number.class).longValue());
            link.put("prevHash", event.getString("prevHash"));
            link.put("hash", event.getString("hash"));
            links.add(link);
        }
        return links;
    }

    /** The latest checkpoint holding the stream, with the stream's leaf: what covers a timeline. */
    public Optional<Map<String, Object>> covering(String service, String aggregateId) {
        Optional<Document> latest = records.latestCheckpoint();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long number = latest.get().get("number", Number.class).longValue();
        for (long n = number; n >= Math.max(1, number - 20); n--) {
            Optional<Document> checkpoint = records.checkpoint(n);
            if (checkpoint.isPresent() && indexOf(leaves.load(checkpoint.get().getString("root")), service, aggregateId) >= 0) {
                return Optional.of(inclusion(n, service, aggregateId));
            }
        }
        return Optional.empty();
    }

    public Optional<Document> latest() {
        return records.latestCheckpoint();
    }

    public List<Merkle.Leaf> leavesOf(Document checkpoint) {
        return leaves.load(checkpoint.getString("root"));
    }

    static Map<String, Object> signed(Document checkpoint) {
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("number", checkpoint.get("number", Number.class).longValue());
        signed.put("issuedAt", checkpoint.getDate("issuedAt").toInstant());
        signed.put("streams", checkpoint.get("streams", Number.class).longValue());
        signed.put("events", checkpoint.get("events", Number.class).longValue());
        signed.put("root", checkpoint.getString("root"));
        signed.put("previous", checkpoint.getString("previous"));
        signed.put("keyId", checkpoint.getString("keyId"));
        signed.put("statement", checkpoint.getString("statement"));
        signed.put("signature", checkpoint.getString("signature"));
        return signed;
    }

    private static int indexOf(List<Merkle.Leaf> sorted, String service, String aggregateId) {
        Merkle.Leaf probe = new Merkle.Leaf(service, aggregateId, 0, "");
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = Merkle.ORDER.compare(sorted.get(mid), probe);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static RuleViolation notFound(long number) {
        return RuleViolation.notFound("CHECKPOINT_NOT_FOUND", "There is no checkpoint {0}", number);
    }
}
