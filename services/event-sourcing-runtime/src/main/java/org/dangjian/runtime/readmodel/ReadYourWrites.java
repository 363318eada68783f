package org.dangjian.runtime.readmodel;

import java.time.Duration;

/**
 * What query endpoints call when a client passes the sequence number a command gave it: wait (at most
 * {@code maxWait}) until the read model has applied it, or refuse with {@link ReadModelBehindException}.
 */
public final class ReadYourWrites {

    private final ReadModelProgress progress;
    private final Duration maxWait;

    public ReadYourWrites(ReadModelProgress progress, Duration maxWait) {
        this.progress = progress;
        this.maxWait = maxWait;
    }

    /** Returns once {@code model} has applied {@code minSequence} of the aggregate; does nothing when it is null. */
    public void await(String model, String aggregateId, Long minSequence) {
        if (minSequence == null || minSequence < 0) {
            return;
        }
        if (!progress.await(model, aggregateId, minSequence, maxWait)) {
            throw new ReadModelBehindException(model, aggregateId, minSequence);
        }
    }
}
