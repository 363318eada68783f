package org.dangjian.runtime.readmodel;

import java.time.Duration;

import java.util.Optional;
import java.util.function.Supplier;

import org.dangjian.runtime.consumer.ConsumerProgress;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.EventStoreReader;

/**
 * What query endpoints call when a client passes the sequence number a command gave it: wait (at most
 * {@code maxWait}) until the read model has applied it, or refuse with {@link ReadModelBehindException} (the model
 * is behind: retry) or {@link ReadModelParkedException} (the model stopped at that record: operators are told).
 *
 * <p>For the service's own aggregates, a wait that can never end is refused at once instead: an aggregate with no
 * event at all is not found (the caller's 404), and a sequence beyond the aggregate's last stored one is 400
 * {@code SEQUENCE_NOT_STORED} (a command's answer names only sequences that are stored).
 */
public final class ReadYourWrites {

    private final ConsumerProgress progress;
    private final EventStoreReader store;
    private final String ownService;
    private final Duration maxWait;

    public ReadYourWrites(ConsumerProgress progress, EventStoreReader store, String ownService, Duration maxWait) {
        this.progress = progress;
        this.store = store;
        this.ownService = ownService;
        this.maxWait = maxWait;
    }

    /**
     * Returns once {@code model} has applied {@code minSequence} of this service's aggregate; at once when it is null.
     * Throws {@code notFound}'s exception when the aggregate has no event, {@code SEQUENCE_NOT_STORED} when it has no
     * event {@code minSequence}.
     */
    public void await(String model, String aggregateId, Long minSequence, Supplier<? extends RuntimeException> notFound) {
        if (minSequence == null) {
            return;
        }
        requireNotNegative(minSequence);
        if (progress.reached(model, ownService, aggregateId, minSequence)) {
            return; // shown already: a sequence the model applied is stored, no need to ask the store
        }
        if (store.read(aggregateId, minSequence).isEmpty()) {
            Optional<Long> last = store.lastStoredSequence(aggregateId);
            if (last.isEmpty()) {
                throw notFound.get();
            }
            if (last.get() < minSequence) {
                throw RuleViolation.invalid("SEQUENCE_NOT_STORED", "{0} has no change {1} (its latest is {2}); pass the sequence a "
                        + "command answered as minSequence", aggregateId, minSequence, last.get());
            }
        }
        await(model, ownService, aggregateId, minSequence);
    }

    /**
     * Read your writes of a record the caller may not see, without telling him anything of it (not even that it
     * exists): {@code visible} answers whether he sees it now (always true for a caller who sees everything). A caller
     * who does not see it gets {@code notFound}'s exception before the wait (without {@code minSequence}), instead of
     * a wait's refusal (when the wait fails) and after it (when the record showed but is not his).
     */
    public void awaitVisible(String model, String aggregateId, Long minSequence, java.util.function.BooleanSupplier visible,
                             Supplier<? extends RuntimeException> notFound) {
        if (minSequence == null && !visible.getAsBoolean()) {
            throw notFound.get();
        }
        try {
            await(model, aggregateId, minSequence, notFound);
        } catch (RuntimeException e) {
            if (!visible.getAsBoolean()) {
                throw notFound.get();
            }
            throw e;
        }
        if (minSequence != null && !visible.getAsBoolean()) {
            throw notFound.get();
        }
    }

    /** The same for an aggregate of another service that the model reads. */
    public void await(String model, String service, String aggregateId, Long minSequence) {
        if (minSequence == null) {
            return;
        }
        requireNotNegative(minSequence);
        switch (progress.await(model, service, aggregateId, minSequence, maxWait)) {
            case REACHED -> {
            }
            case PARKED -> throw new ReadModelParkedException(model, aggregateId, minSequence);
            case TIMED_OUT -> throw new ReadModelBehindException(model, aggregateId, minSequence);
        }
    }

    private static void requireNotNegative(long minSequence) {
        if (minSequence < 0) {
            throw RuleViolation.invalid("INVALID_PARAMETER", "The value of parameter {0} is not valid", "minSequence");
        }
    }
}
