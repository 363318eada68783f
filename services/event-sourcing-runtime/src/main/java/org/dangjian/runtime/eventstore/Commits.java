package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.and;
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
 * <p>Only the party that turned a commit {@code ABORTED} removes its events (each read first, removed only if it
 * still carries the commit's id); the sweep takes over the clean-up of aborted commits older than
 * {@link #CLEAN_UP_AFTER}, so a cleaner that died half way is replaced, never raced. Once committed, the marks are
 * removed from the events and the record is deleted ("settled"); a crash before that costs readers one extra lookup
 * until the sweep settles it.
 */
public final class Commits {

    private static final Logger log = LoggerFactory.getLogger(Commits.class);

    public static final String COLLECTION = "commits";
    /** After this, a commit still pending is presumed dead (its writer's command deadline is far shorter). */
    static final Duration ABANDON_PENDING_AFTER = Duration.ofSeconds(30);
    /** After this, an aborted commit's own cleaner is presumed dead and the sweep removes what is left. */
    static final Duration CLEAN_UP_AFTER = Duration.ofMinutes(1);

    public enum State { PENDING, COMMITTED, ABORTED }

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> events;
    private final Clock clock;

    public Commits(MongoDatabase database, Clock clock) {
        this.commits = database.getCollection(COLLECTION);
        this.events = database.getCollection(EventDocuments.COLLECTION);
        this.clock = clock;
        try {
            // (_id, state) is unique because _id is; the index lets mongo-java-server serve the compare-and-sets by key
            commits.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("state"));
        } catch (RuntimeException e) {
            log.debug("No (_id, state) index on {} ({})", COLLECTION, e.toString());
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
        return commits.updateOne(and(eq("_id", id), eq("state", State.PENDING.name())), new Document("$set", change))
                .getModifiedCount() == 1;
    }

    /** A committed commit's events lose their mark, then the record goes: from now on they are plain events. */
    void settle(String id, List<String> documentIds) {
        events.updateMany(in("_id", documentIds), unset(EventDocuments.COMMIT));
        commits.deleteOne(eq("_id", id));
    }

    /**
     * Removes the events of an aborted commit that still carry its mark, then the record. Only the party that aborted
     * it calls this, or the sweep once {@link #CLEAN_UP_AFTER} has passed.
     */
    void cleanUp(String id, List<String> documentIds) {
        for (Document doc : events.find(in("_id", documentIds)).projection(new Document(EventDocuments.COMMIT, 1))) {
            if (id.equals(doc.getString(EventDocuments.COMMIT))) {
                events.deleteOne(eq("_id", doc.get("_id")));
            }
        }
        commits.deleteOne(eq("_id", id));
    }

    /**
     * Whether each commit is committed, as a reader must see it: a pending commit older than
     * {@link #ABANDON_PENDING_AFTER} is aborted (and cleaned up) on the spot; an unknown one counts as aborted.
     */
    Map<String, State> states(Collection<String> ids) {
        Map<String, State> states = new HashMap<>();
        Instant abandonBefore = clock.instant().minus(ABANDON_PENDING_AFTER);
        for (Document doc : commits.find(in("_id", ids))) {
            String id = doc.getString("_id");
            State state = State.valueOf(doc.getString("state"));
            if (state == State.PENDING && doc.getDate("startedAt").toInstant().isBefore(abandonBefore)) {
                if (abort(id)) {
                    log.warn("Aborted commit {}: pending since {} (its writer died or stalled)", id, doc.getDate("startedAt"));
                    cleanUp(id, doc.getList("events", String.class));
                    state = State.ABORTED;
                } else {
                    state = find(id);
                }
            }
            states.put(id, state);
        }
        ids.forEach(id -> states.putIfAbsent(id, State.ABORTED));
        return states;
    }

    private State find(String id) {
        Document doc = commits.find(eq("_id", id)).first();
        return doc == null ? State.ABORTED : State.valueOf(doc.getString("state"));
    }

    /**
     * Settles or cleans up what writers left behind (they crashed between steps): committed records are settled,
     * pending ones older than {@link #ABANDON_PENDING_AFTER} aborted and cleaned up, aborted ones older than
     * {@link #CLEAN_UP_AFTER} cleaned up. The collection holds only commits in flight, so reading it whole is cheap.
     */
    public int sweep() {
        Instant now = clock.instant();
        List<Document> all = new ArrayList<>();
        commits.find().limit(1000).into(all);
        int settled = 0;
        for (Document doc : all) {
            String id = doc.getString("_id");
            List<String> documentIds = doc.getList("events", String.class);
            switch (State.valueOf(doc.getString("state"))) {
                case COMMITTED -> {
                    if (doc.getDate("startedAt").toInstant().isBefore(now.minusSeconds(5))) {
                        settle(id, documentIds);
                        settled++;
                    }
                }
                case PENDING -> {
                    if (doc.getDate("startedAt").toInstant().isBefore(now.minus(ABANDON_PENDING_AFTER)) && abort(id)) {
                        cleanUp(id, documentIds);
                        settled++;
                    }
                }
                case ABORTED -> {
                    Date abortedAt = doc.getDate("abortedAt");
                    if (abortedAt == null || abortedAt.toInstant().isBefore(now.minus(CLEAN_UP_AFTER))) {
                        cleanUp(id, documentIds);
                        settled++;
                    }
                }
            }
        }
        return settled;
    }


}
