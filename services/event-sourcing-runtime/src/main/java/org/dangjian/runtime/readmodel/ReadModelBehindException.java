package org.dangjian.runtime.readmodel;

/** A query asked to read its own write, and the read model did not get there in time (answered 503 with Retry-After). */
public class ReadModelBehindException extends ReadYourWritesException {

    public ReadModelBehindException(String model, String aggregateId, long sequence) {
        super("Read model " + model + " has not yet applied sequence " + sequence + " of " + aggregateId, model, aggregateId, sequence);
    }
}
