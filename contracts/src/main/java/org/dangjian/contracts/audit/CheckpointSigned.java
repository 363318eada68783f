package org.dangjian.contracts.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 检查点签署: the audit service signed a checkpoint over the heads of every stream it witnessed (a Merkle root over
 * one leaf per stream: service, aggregate, number of events, head hash), on the stream of all checkpoints. The
 * statement is the exact text signed (docs/audit.md defines it); anyone verifies the signature with the service's
 * public key and standard tools.
 *
 * @param number     its number, 1, 2, … (each names the one before by {@code previous})
 * @param issuedAt   when it was signed
 * @param streams    how many streams (leaves) it covers
 * @param events     how many events those streams hold in all
 * @param root       the Merkle root over the leaves, lowercase hex (SHA-256, RFC 9162)
 * @param previous   SHA-256 of the previous checkpoint's statement, lowercase hex; absent for the first
 * @param statement  the text signed (UTF-8)
 * @param signature  the Ed25519 signature of the statement, base64
 * @param keyId      SHA-256 of the signing key's public key (DER, SubjectPublicKeyInfo), lowercase hex
 */
@EventType(name = "org.dangjian.audit.CheckpointSigned", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointSigned(
        long number,
        Instant issuedAt,
        long streams,
        long events,
        String root,
        String previous,
        String statement,
        String signature,
        String keyId) {
}
