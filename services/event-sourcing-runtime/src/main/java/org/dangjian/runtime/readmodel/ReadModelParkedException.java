package org.dangjian.runtime.readmodel;

/**
 * A query asked to read its own write, and the read model has stopped at that record: an event of it keeps failing
 * (answered 503 {@code READ_MODEL_PARKED} at once; the change is stored, operators see the parked record).
 */
public class ReadModelParkedException extends ReadYourWritesException {

    public ReadModelParkedException(String model, String aggregateId, long sequence) {
        super("Read model " + model + " has stopped at " + aggregateId + " (an event of it keeps failing); sequence " + sequence
                + " is stored but not shown", model, aggregateId, sequence);
    }
}
