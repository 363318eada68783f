package org.dangjian.runtime.web;

import org.dangjian.runtime.command.CommandResult;
import org.springframework.http.ResponseEntity;

/**
 * A command's answer as every service sends it: {@code {"id", "sequence"}} (the sequence to pass as {@code minSequence}
 * to read one's own write), with {@code Idempotent-Replayed: true} when it is the stored answer to an earlier request
 * with the same {@code Idempotency-Key}.
 */
public record CommandResponse(String id, long sequence) {

    /** The header a replayed answer carries. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The answer to {@code result} on {@code builder} ({@code ResponseEntity.ok()}, or {@code created(location)}). */
    public static ResponseEntity<CommandResponse> of(ResponseEntity.BodyBuilder builder, CommandResult result) {
        if (result.replayed()) {
            builder.header(REPLAYED, "true");
        }
        return builder.body(new CommandResponse(result.id(), result.sequence()));
    }
}
