package org.dangjian.runtime.eventstore;

import org.axonframework.modelling.command.AggregateStreamCreationException;

/** A command creates an aggregate whose id is taken: its first event is already stored. */
public class AggregateAlreadyExistsException extends AggregateStreamCreationException {

    private final String aggregateType;
    private final String aggregateId;

    public AggregateAlreadyExistsException(String aggregateType, String aggregateId) {
        super(aggregateType + " " + aggregateId + " already exists");
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }
}
