package org.dangjian.runtime.readmodel;

/** A query asked to read its own write, and the read model did not get there in time (answered 503 with Retry-After). */
public class ReadModelBehindException extends RuntimeException {

    private final String model;
    private final String aggregateId;
    private final long sequence;

    public ReadModelBehindException(String model, String aggregateId, long sequence) {
        super("Read model " + model + " has not yet applied sequence " + sequence + " of " + aggregateId, null, false, false);
        this.model = model;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
    }

    public String model() {
        return model;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequence() {
        return sequence;
    }
}
