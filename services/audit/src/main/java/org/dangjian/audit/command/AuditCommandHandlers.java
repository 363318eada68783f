package org.dangjian.audit.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.dangjian.audit.checkpoint.CheckpointKey;
import org.springframework.stereotype.Component;

/** The audit service's command handlers. */
@Component
class AuditCommandHandlers {

    private final Repository<CheckpointLog> checkpoints;
    private final Repository<Verification> verifications;
    private final Repository<Replay> replays;
    private final CheckpointKey key;

    AuditCommandHandlers(Repository<CheckpointLog> checkpoints, Repository<Verification> verifications, Repository<Replay> replays,
                         CheckpointKey key) {
        this.checkpoints = checkpoints;
        this.verifications = verifications;
        this.replays = replays;
        this.key = key;
    }

    @CommandHandler
    void handle(AuditCommands.SignCheckpoint command) throws Exception {
        try {
            checkpoints.load(command.logId()).execute(log -> log.sign(command, key));
        } catch (AggregateNotFoundException first) {
            checkpoints.newInstance(() -> new CheckpointLog(command, key));
        }
    }

    @CommandHandler
    void handle(AuditCommands.RecordVerification command) throws Exception {
        verifications.newInstance(() -> new Verification(command));
    }

    @CommandHandler
    void handle(AuditCommands.StartReplay command) throws Exception {
        replays.newInstance(() -> new Replay(command));
    }

    @CommandHandler
    void handle(AuditCommands.FinishReplay command) {
        replays.load(command.replayId()).execute(replay -> replay.finish(command));
    }
}
