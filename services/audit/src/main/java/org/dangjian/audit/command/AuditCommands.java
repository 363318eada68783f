package org.dangjian.audit.command;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.audit.IntegrityFinding;
import org.dangjian.runtime.command.AggregateCodes;

/** The audit service's own commands: it signs checkpoints and records verifications and replays, nothing else. */
public final class AuditCommands {

    /** The stream of all checkpoints: the name-based UUID (version 3) of {@code audit|checkpoints}. */
    public static final String CHECKPOINT_LOG_ID = UUID.nameUUIDFromBytes("audit|checkpoints".getBytes(StandardCharsets.UTF_8)).toString();

    private AuditCommands() {
    }

    /** 签署检查点: sign the next checkpoint over this root (the leaves are kept by root before the command). */
    @AggregateCodes(notFound = "CHECKPOINT_LOG_NOT_FOUND")
    public record SignCheckpoint(@TargetAggregateIdentifier String logId, String root, long streams, long events, Instant issuedAt) {
    }

    /** 记录核验: what a verification checked and found. */
    @AggregateCodes(notFound = "VERIFICATION_NOT_FOUND", alreadyExists = "VERIFICATION_ALREADY_RECORDED")
    public record RecordVerification(@TargetAggregateIdentifier String verificationId, String service, String aggregateId, Instant startedAt,
                                     long streamsChecked, long eventsChecked, long storesCompared, long storesUnreachable,
                                     Long checkpointNumber, List<IntegrityFinding> findings) {
    }

    /** 开始重放. */
    @AggregateCodes(notFound = "REPLAY_NOT_FOUND", alreadyExists = "REPLAY_ALREADY_STARTED")
    public record StartReplay(@TargetAggregateIdentifier String replayId, String service, String aggregateId, long eventsTotal) {
    }

    /** 重放完成. */
    @AggregateCodes(notFound = "REPLAY_NOT_FOUND")
    public record FinishReplay(@TargetAggregateIdentifier String replayId, long eventsReplayed, long millis, Long rawMillis, long streamsCompared,
                               long differenceCount, List<String> differences) {
    }
}
