package org.dangjian.contracts.audit;

import java.util.List;

/**
 * What the audit service (审计) publishes, and where: its signed checkpoints over every stream it witnessed, the
 * verifications auditors ran with their findings, and the replays of the record. It publishes nothing about another
 * service's content: those events are on their own topics, which it only reads.
 */
public final class AuditEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "audit";

    /** The Kafka topic: checkpoints, verifications and replays, keyed by their record's id, kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** What the service publishes, in prose: the AsyncAPI document's description of the service. */
    public static final String DESCRIPTION = """
            The audit service (审计) reads every service's topics (the restricted ones too) and publishes only its own record:
            the checkpoints it signs over the heads of every stream it witnessed (a Merkle root, Ed25519-signed; docs/audit.md
            defines the statement, the leaves and the proofs), the verifications auditors ran with what they found, and the
            replays of the record with their comparison. All checkpoints are one stream (aggregate type CheckpointLog); each
            verification (Verification) and each replay (Replay) is a stream of its own.
            """;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            CheckpointSigned.class,
            VerificationCompleted.class,
            ReplayStarted.class,
            ReplayFinished.class);

    /**
     * The types the service also records by itself, after no request or after the request that set it off was answered:
     * the periodic checkpoint, and a replay's end. A check that counts what requests store leaves them out.
     */
    public static final List<Class<? extends Record>> RECORDED_BY_ITSELF = List.of(CheckpointSigned.class, ReplayFinished.class);

    private AuditEvents() {
    }
}
