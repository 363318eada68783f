package org.dangjian.runtime.command;

/**
 * What a command answers: the aggregate it changed and that aggregate's new sequence number, which a client passes
 * to a query to read its own write.
 *
 * @param replayed whether this is the stored answer to an earlier request with the same {@code Idempotency-Key}
 */
public record CommandResult(String id, long sequence, boolean replayed) {

    CommandResult asReplay() {
        return new CommandResult(id, sequence, true);
    }
}
