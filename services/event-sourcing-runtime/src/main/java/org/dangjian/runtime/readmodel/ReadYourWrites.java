package org.dangjian.runtime.readmodel;

import java.time.Duration;

import org.dangjian.runtime.consumer.ConsumerProgress;

/**
 * What query endpoints call when a client passes the sequence number a command gave it: wait (at most
 * {@code maxWait}) until the read model has applied it, or refuse with {@link ReadModelBehindException} (the model
 * is behind: retry) or {@link ReadModelParkedException} (the model stopped at that record: operators are told).
 */
public final class ReadYourWrites {

    private final ConsumerProgress progress;
    private final String ownService;
    private final Duration maxWait;

    public ReadYourWrites(ConsumerProgress progress, String ownService, Duration maxWait) {
        this.progress = progress;
        this.ownService = ownService;
        this.maxWait = maxWait;
    }

    /** Returns once {@code model} has applied {@code minSequence} of this service's aggregate; nothing when it is null. */
    public void await(String model, String aggregateId, Long minSequence) {
        await(model, ownService, aggregateId, minSequence);
    }

    /** The same for an aggregate of another service that the model reads. */
    public void await(String model, String service, String aggregateId, Long minSequence) {
        if (minSequence == null || minSequence < 0) {
            return;
        }
        switch (progress.await(model, service, aggregateId, minSequence, maxWait)) {
            case REACHED -> {
            }
            case PARKED -> throw new ReadModelParkedException(model, aggregateId, minSequence);
            case TIMED_OUT -> throw new ReadModelBehindException(model, aggregateId, minSequence);
        }
    }
}
