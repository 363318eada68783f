package org.dangjian.runtime.eventstore;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Tells a database that is away (for now) from a request or an event the database refuses. */
public final class StoreFailures {

    private StoreFailures() {
    }

    /** Whether the failure, or one of its causes, means MongoDB did not answer: worth retrying, not worth skipping. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException || cause instanceof MongoExecutionTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
