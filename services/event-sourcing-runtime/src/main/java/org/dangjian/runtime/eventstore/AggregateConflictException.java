package org.dangjian.runtime.eventstore;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Another change to an aggregate was stored first: the sequence this commit wanted is taken (or the commit waited too
 * long and was aborted). Names the aggregate, which need not be the command's target: one command may change
 * several. The command layer retries against the new state, then answers 409 naming it.
 */
public class AggregateConflictException extends ConcurrencyException {

    private final String aggregateType;
    private final String aggregateId;
    private final long sequence;

    public AggregateConflictException(String aggregateType, String aggregateId, long sequence, String message, Throwable cause) {
        super(message, cause);
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequence() {
        return sequence;
    }
}
