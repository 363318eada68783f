package org.dangjian.runtime.readmodel;

/** A query asked to read its own write ({@code minSequence}) and the read model does not show it (answered 503). */
public abstract class ReadYourWritesException extends RuntimeException {

    private final String model;
    private final String aggregateId;
    private final long sequence;

    protected ReadYourWritesException(String message, String model, String aggregateId, long sequence) {
        super(message, null, false, false);
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
