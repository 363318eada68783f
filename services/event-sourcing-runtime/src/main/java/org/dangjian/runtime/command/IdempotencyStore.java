package org.dangjian.runtime.command;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.mongo.KeyFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers given to requests with an {@code Idempotency-Key}, one document per caller and key
 * ({@code _id = <length of sub>:<sub>|<key>}). The key also travels with the events the command produced, which is
 * what recovery trusts when an instance died mid-request.
 *
 * <p>While a request runs, its instance increments the entry's {@code beat} every second ({@link CommandDispatcher});
 * a repeat that sees the beat stand still for the owner-silence period takes the key over. Liveness is judged by
 * the observer's own monotonic clock, so instances' clocks need not agree.
 */
final class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    static final String COLLECTION = "idempotency_keys";

    enum State { IN_PROGRESS, COMPLETED, REJECTED, FAILED }

    record Rejection(RuleViolation.Kind kind, String code, String message, List<String> arguments) {

        RuleViolation toViolation() {
            return RuleViolation.restore(kind, code, message, arguments.toArray());
        }
    }

    /**
     * @param owner the request that holds the key now: only it may record the answer, and a takeover replaces it
     * @param beat  the owner's heartbeat counter
     */
    record Entry(String scope, String owner, String fingerprint, String aggregateId, State state, long beat, CommandResult result,
                 Rejection rejection) {
    }

    /** Either this request now owns the key, or another request did first (its entry as found). */
    record Claim(boolean owned, Entry entry) {
    }

    private final MongoCollection<Document> keys;

    IdempotencyStore(MongoDatabase database, long retainDays) {
        this.keys = database.getCollection(COLLECTION);
        try {
            // (_id, owner) is unique because _id is; the index lets mongo-java-server serve the owner-fenced updates by key
            keys.createIndex(Indexes.ascending("_id", "owner"), new IndexOptions().unique(true).name("owner"));
        } catch (RuntimeException e) {
            log.debug("No (_id, owner) index on {} ({})", COLLECTION, e.toString());
        }
        try {
            // MongoDB removes answers after the retention period; mongo-java-server keeps them (harmless, small)
            keys.createIndex(Indexes.ascending("createdAt"), new IndexOptions().expireAfter(retainDays * 86_400, TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            log.debug("No TTL index on {} ({}); idempotency answers are kept", COLLECTION, e.toString());
        }
    }

    Claim claim(String scope, String fingerprint, String aggregateId, Instant now) {
        String owner = UUID.randomUUID().toString();
        try {
            keys.insertOne(new Document("_id", scope)
                    .append("owner", owner)
                    .append("fingerprint", fingerprint)
                    .append("aggregateId", aggregateId)
                    .append("state", State.IN_PROGRESS.name())
                    .append("beat", 0L)
                    .append("createdAt", Date.from(now)));
            return new Claim(true, new Entry(scope, owner, fingerprint, aggregateId, State.IN_PROGRESS, 0, null, null));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(scope).map(entry -> new Claim(false, entry))
                    .orElseGet(() -> claim(scope, fingerprint, aggregateId, now)); // it expired in between
        }
    }

    Optional<Entry> find(String scope) {
        Document doc = keys.find(eq("_id", scope)).first();
        if (doc == null) {
            return Optional.empty();
        }
        Document result = doc.get("result", Document.class);
        Document rejection = doc.get("rejection", Document.class);
        Number beat = (Number) doc.get("beat");
        return Optional.of(new Entry(scope, doc.getString("owner"), doc.getString("fingerprint"), doc.getString("aggregateId"),
                State.valueOf(doc.getString("state")), beat == null ? 0 : beat.longValue(),
                result == null ? null : new CommandResult(result.getString("id"), ((Number) result.get("sequence")).longValue(), false),
                rejection == null ? null : new Rejection(RuleViolation.Kind.valueOf(rejection.getString("kind")), rejection.getString("code"),
                        rejection.getString("message"), rejection.getList("arguments", String.class))));
    }

    /** Takes over a key whose owner failed or fell silent; only one caller wins (a compare-and-set on the owner). */
    Optional<Entry> takeOver(Entry entry) {
        String owner = UUID.randomUUID().toString();
        boolean won = keys.updateOne(owned(entry), combine(set("owner", owner), set("state", State.IN_PROGRESS.name()), set("beat", 0L)))
                .getModifiedCount() == 1;
        return won ? Optional.of(new Entry(entry.scope(), owner, entry.fingerprint(), entry.aggregateId(), State.IN_PROGRESS, 0, null, null))
                : Optional.empty();
    }

    /** The owner is alive and still at work (the write bounded by {@code within}). */
    void beat(Entry owned, java.time.Duration within) {
        keys.withTimeout(within.toMillis(), TimeUnit.MILLISECONDS).updateOne(owned(owned), inc("beat", 1L));
    }

    /**
     * Records the answer, if this request still owns the key (a request taken over does not). The owner token changes
     * with it, so a repeat that saw the claim in progress a moment ago can no longer take it over.
     */
    void complete(Entry owned, CommandResult result) {
        keys.updateOne(owned(owned), combine(set("state", State.COMPLETED.name()), set("owner", answered()),
                set("result", new Document("id", result.id()).append("sequence", result.sequence()))));
    }

    void reject(Entry owned, RuleViolation violation) {
        List<String> arguments = Arrays.stream(violation.arguments()).map(String::valueOf).toList();
        keys.updateOne(owned(owned), combine(set("state", State.REJECTED.name()), set("owner", answered()),
                set("rejection", new Document("kind", violation.kind().name()).append("code", violation.code())
                        .append("message", violation.getMessage()).append("arguments", arguments))));
    }

    private static String answered() {
        return "answered:" + UUID.randomUUID();
    }

    /** The command failed unexpectedly: a retry may take over at once (and first looks for events already stored). */
    void fail(Entry owned) {
        keys.updateOne(owned(owned), set("state", State.FAILED.name()));
    }

    private static Bson owned(Entry entry) {
        return KeyFilter.idAnd(entry.scope(), "owner", entry.owner());
    }
}
