package org.dangjian.runtime.publication;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.dangjian.runtime.mongo.KeyFilter;

/**
 * A lease in MongoDB that lets one instance of a service at a time run its publication relay: the holder renews it
 * well before it runs out; another instance takes it over only after it has expired (the holder died or lost the
 * database). A single-document conditional upsert decides, so no transactions are needed.
 */
public final class RelayLease {

    public static final String COLLECTION = "leases";

    private final MongoCollection<Document> leases;
    private final String name;
    private final String owner;
    private final Duration ttl;
    private final Clock clock;
    /** Until when this instance may act on the lease, by the local monotonic clock (a wall-clock step cannot extend it). */
    private long heldUntilNanos;
    private boolean held;

    private final java.util.function.LongSupplier ticker;

    public RelayLease(MongoDatabase database, String name, String owner, Duration ttl, Clock clock) {
        this(database, name, owner, ttl, clock, System::nanoTime);
    }

    /** @param ticker a monotonic nanosecond clock ({@link System#nanoTime()}; tests drive their own) */
    RelayLease(MongoDatabase database, String name, String owner, Duration ttl, Clock clock, java.util.function.LongSupplier ticker) {
        this.ticker = ticker;
        this.leases = database.getCollection(COLLECTION);
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Whether this instance holds the lease now, renewing or acquiring it when due. */
    public synchronized boolean holdOrAcquire() {
        long nanos = ticker.getAsLong();
        if (held && heldUntilNanos - ttl.dividedBy(2).toNanos() - nanos > 0) {
            return true;
        }
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        try {
            Document lease = leases.findOneAndUpdate(
                    and(eq("_id", name), or(eq("owner", owner), lt("until", Date.from(now)))),
                    combine(set("owner", owner), set("until", Date.from(until))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            held = lease != null && owner.equals(lease.getString("owner"));
            heldUntilNanos = nanos + ttl.toNanos();
            return held;
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        held = false; // someone else holds it: the upsert's insert collided with their document
        return false;
    }

    public synchronized void release() {
        if (held) {
            leases.deleteOne(KeyFilter.idAnd(name, "owner", owner));
            held = false;
        }
    }

    public Duration ttl() {
        return ttl;
    }

    /** How long this instance may still act on the lease (zero when it does not hold it), by its monotonic clock. */
    public synchronized Duration remaining() {
        long left = heldUntilNanos - ticker.getAsLong();
        return held && left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    public String owner() {
        return owner;
    }
}
