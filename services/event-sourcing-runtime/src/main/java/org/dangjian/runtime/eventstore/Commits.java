package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.unset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.dangjian.runtime.mongo.KeyFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the events of one command one commit without transactions (the embedded server has none): a command that
 * writes several events (of one aggregate or of several) first inserts a commit record {@code PENDING}, then its
 * events, each marked with the commit's id, then turns the record {@code COMMITTED} by a compare-and-set. Readers see
 * a marked event only once its commit is {@code COMMITTED}; a failure half way turns the record {@code ABORTED} and
 * removes the events already inserted. Whoever wins the compare-and-set decides: a writer too slow to commit finds its
 * commit aborted by a reader and retries, so a crash or a stall at any point leaves all of the command's events or
 * none.
 *
 * <p>An aborted commit's events are removed by compare-and-set on their mark, so removing can never touch an event
 * another writer stored at that sequence since: the party that aborted a commit removes them, the sweep finishes a
 * clean-up left for longer than {@link #CLEAN_UP_AFTER}, and a writer that finds a leftover where it wants to write
 * removes it. Once committed, the marks are removed from the events and the record is deleted ("settled") by the
 * sweep, for many commits at once; until then a reader of a marked event looks its commit up (one read for all the
 * commits of the events it read).
 */
public final class Commits {

    private static final Logger log = LoggerFactory.getLogger(Commits.class);

    public static final String COLLECTION = "commits";
    /** After this, a commit still pending is presumed dead (its writer's command deadline is far shorter). */
    static final Duration ABANDON_PENDING_AFTER = Duration.ofSeconds(30);
    /** After this, an aborted commit's own cleaner is presumed dead and the sweep removes what is left. */
    static final Duration CLEAN_UP_AFTER = Duration.ofMinutes(1);

    /** A commit's state; {@code UNKNOWN}: no record (settled and deleted, or aborted and cleaned up). */
    public enum State { PENDING, COMMITTED, ABORTED, UNKNOWN }

    /** The most commit records one sweep reads. */
    static final int SWEEP_LIMIT = 10_000;

    /** A pending commit must also have been seen pending this long by this instance before it aborts it. */
    static final Duration SEEN_PENDING_AT_LEAST = Duration.ofSeconds(2);

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> events;
    private final Clock clock;
    /** When this instance first saw each commit pending, by its own monotonic clock (bounded). */
    private final Map<String, Long> seenPending = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 10_000;
        }
    });

    public Commits(MongoDatabase database, Clock clock) {
        this.commits = database.getCollection(COLLECTION);
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.clock = clock;
        try {
            // (_id, state) is unique because _id is; the index lets mongo-java-server serve the compare-and-sets by key
            commits.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("state"));
            // likewise (_id, commit) on the events: removing an aborted commit's event is a compare-and-set on its mark
            events.createIndex(Indexes.ascending("_id", EventDocuments.COMMIT), new IndexOptions().unique(true).name("commit"));
        } catch (RuntimeException e) {
            log.debug("No compare-and-set indexes on {} ({})", COLLECTION, e.toString());
        }
    }

    /** Records a new pending commit of the given event documents; answers its id. */
    String begin(List<String> documentIds) {
        String id = UUID.randomUUID().toString();
        commits.insertOne(new Document("_id", id).append("state", State.PENDING.name()).append("events", documentIds)
                .append("startedAt", Date.from(clock.instant())));
        return id;
    }

    /** Pending to committed; false when someone aborted it first. */
    boolean commit(String id) {
        return transition(id, State.COMMITTED);
    }

    /** Pending to aborted; false when it was committed (or aborted) first. The winner removes the events. */
    boolean abort(String id) {
        return transition(id, State.ABORTED);
    }

    private boolean transition(String id, State to) {
        Document change = new Document("state", to.name());
        if (to == State.ABORTED) {
            change.append("abortedAt", Date.from(clock.instant()));
        }
        return commits.updateOne(KeyFilter.idAnd(id, "state", State.PENDING.name()), new Document("$set", change))
                .getModifiedCount() == 1;
    }

    /**
     * Removes the events of an aborted commit, each only if it still carries the commit's mark (a compare-and-set: an
     * event another writer stored at that sequence since is never touched), then the record.
     */
    void cleanUp(String id, List<String> documentIds) {
        for (String documentId : documentIds) {
            removeLeftover(documentId, id);
        }
        commits.deleteOne(eq("_id", id));
        seenPending.remove(id);
    }

    /** Aborts a pending commit and removes its events; false when it was committed (or aborted) first. */
    boolean abortAndCleanUp(String id) {
        Document record = commits.find(eq("_id", id)).first();
        if (record == null || !abort(id)) {
            return false;
        }
        cleanUp(id, record.getList("events", String.class));
        return true;
    }

    /** Removes the event at that key if it carries that commit's mark. */
    void removeLeftover(String documentId, String commitId) {
        events.deleteOne(KeyFilter.idAnd(documentId, EventDocuments.COMMIT, commitId));
    }

    /**
     * Each commit's state as a reader must see it. A commit still pending is presumed abandoned, and aborted (and
     * cleaned up) on the spot, once it started more than {@link #ABANDON_PENDING_AFTER} ago by this instance's clock
     * and this instance has seen it pending for {@link #SEEN_PENDING_AT_LEAST} by its own monotonic clock, or has seen
     * it pending for {@link #ABANDON_PENDING_AFTER} whatever the clocks say. Aborting a live writer's commit is safe
     * (the compare-and-set decides; the writer retries), so clock skew costs retries, never consistency.
     */
    Map<String, State> states(Collection<String> ids) {
        Map<String, State> states = new HashMap<>();
        Instant abandonBefore = clock.instant().minus(ABANDON_PENDING_AFTER);
        long now = System.nanoTime();
        for (Document doc : commits.find(in("_id", ids))) {
            String id = doc.getString("_id");
            State state = State.valueOf(doc.getString("state"));
            if (state == State.PENDING) {
                long seenSince = seenPending.computeIfAbsent(id, x -> now);
                boolean oldByClock = doc.getDate("startedAt").toInstant().isBefore(abandonBefore)
                        && now - seenSince >= SEEN_PENDING_AT_LEAST.toNanos();
                if (oldByClock || now - seenSince >= ABANDON_PENDING_AFTER.toNanos()) {
                    if (abort(id)) {
                        log.warn("Aborted commit {}: pending since {} (its writer died or stalled)", id, doc.getDate("startedAt"));
                        cleanUp(id, doc.getList("events", String.class));
                        state = State.ABORTED;
                    } else {
                        state = find(id);
                    }
                }
            } else {
                seenPending.remove(id);
            }
            states.put(id, state);
        }
        ids.forEach(id -> states.putIfAbsent(id, State.UNKNOWN));
        return states;
    }

    private State find(String id) {
        Document doc = commits.find(eq("_id", id)).first();
        return doc == null ? State.UNKNOWN : State.valueOf(doc.getString("state"));
    }

    /**
     * Settles committed commits, many at once (their writers leave that to it: one update of all their events' marks,
     * one delete of their records), and cleans up what writers left behind (they crashed between steps): pending
     * commits older than {@link #ABANDON_PENDING_AFTER} are aborted and cleaned up, aborted ones older than
     * {@link #CLEAN_UP_AFTER} cleaned up. The collection holds only commits in flight and those committed since the
     * last sweep, so reading it is cheap.
     */
    public int sweep() {
        Instant now = clock.instant();
        List<Document> all = new ArrayList<>();
        commits.find().limit(SWEEP_LIMIT).into(all);
        List<String> committed = new ArrayList<>();
        List<String> committedEvents = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int settled = 0;
        for (Document doc : all) {
            String id = doc.getString("_id");
            List<String> documentIds = doc.getList("events", String.class);
            switch (State.valueOf(doc.getString("state"))) {
                case COMMITTED -> {
                    committed.add(id);
                    committedEvents.addAll(documentIds);
                }
                case PENDING -> pending.add(id);
                case ABORTED, UNKNOWN -> {
                    Date abortedAt = doc.getDate("abortedAt");
                    if (abortedAt == null || abortedAt.toInstant().isBefore(now.minus(CLEAN_UP_AFTER))) { // its cleaner died
                        cleanUp(id, documentIds);
                        settled++;
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            settled += (int) states(pending).values().stream().filter(state -> state == State.ABORTED).count();
        }
        if (!committed.isEmpty()) {
            events.updateMany(in("_id", committedEvents), unset(EventDocuments.COMMIT));
            commits.deleteMany(in("_id", committed));
            committed.forEach(seenPending::remove);
            settled += committed.size();
        }
        return settled;
    }

}
