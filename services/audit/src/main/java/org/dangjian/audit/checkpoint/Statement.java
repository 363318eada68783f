package org.dangjian.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.dangjian.runtime.eventstore.CanonicalEvent;

/**
 * The text a checkpoint signs (docs/audit.md): UTF-8, lines ending in LF, the last one too.
 *
 * <pre>
 * dangjian-audit-checkpoint-v1
 * number: 3
 * issued-at: 2026-11-29T04:00:00.000Z
 * streams: 1234
 * events: 56789
 * root: &lt;64 hex&gt;
 * previous: &lt;64 hex, SHA-256 of the previous checkpoint's statement, or "none"&gt;
 * key: &lt;64 hex, SHA-256 of the public key's DER&gt;
 * </pre>
 */
public final class Statement {

    public static final String HEADER = "dangjian-audit-checkpoint-v1";

    private Statement() {
    }

    public static String text(long number, Instant issuedAt, long streams, long events, String root, String previous, String keyId) {
        return HEADER + "\n"
                + "number: " + number + "\n"
                + "issued-at: " + CanonicalEvent.format(issuedAt) + "\n"
                + "streams: " + streams + "\n"
                + "events: " + events + "\n"
                + "root: " + root + "\n"
                + "previous: " + (previous == null ? "none" : previous) + "\n"
                + "key: " + keyId + "\n";
    }

    /** SHA-256 of the statement's UTF-8 bytes, lowercase hex: what the next checkpoint names as {@code previous}. */
    public static String digest(String statement) {
        return Merkle.sha256Hex(statement.getBytes(StandardCharsets.UTF_8));
    }
}
