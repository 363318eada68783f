package org.dangjian.runtime.readmodel;

/**
 * A query asked to read its own write, and the read model has stopped at that record: an event of it keeps failing
 * (answered 503 {@code READ_MODEL_PARKED} at once; the change is stored, operators see the parked record).
 */
public class ReadModelParkedException extends RuntimeException {

    private final String model;
    private final String aggregateId;
    private final long sequence;

    public ReadModelParkedException(String model, String aggregateId, long sequence) {
        super("Read model " + model + " has stopped at " + aggregateId + " (an event of it keeps failing); sequence " + sequence
                + " is stored but not shown", null, false, false);
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
