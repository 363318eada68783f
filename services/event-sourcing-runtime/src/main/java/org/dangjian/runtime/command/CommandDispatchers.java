package org.dangjian.runtime.command;

import java.time.Clock;
import java.util.function.Function;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dangjian.runtime.eventstore.AppendListener;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.metadata.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link CommandDispatcher} and hands the event store the listener through which a dispatcher learns the
 * sequence its command produced (the store is built before the command gateway exists).
 */
public final class CommandDispatchers implements AutoCloseable {

    private final AppendedEvents appended = new AppendedEvents();
    private final IdempotencyStore keys;
    private final Heartbeats heartbeats;
    private final CommandDispatcher.Settings settings;

    public CommandDispatchers(MongoDatabase database, CommandDispatcher.Settings settings) {
        this.keys = new IdempotencyStore(database, settings.retainDays());
        this.heartbeats = new Heartbeats(keys, CommandDispatcher.Settings.heartbeat(settings.ownerSilence()),
                settings.commandDeadline().plus(settings.commitGrace()));
        this.settings = settings;
    }

    public AppendListener appendListener() {
        return appended;
    }

    public CommandDispatcher dispatcher(CommandGateway gateway, EventStoreReader store, Function<String, Actor> currentActor, Clock clock) {
        return new CommandDispatcher(gateway, appended, keys, heartbeats, store, currentActor, settings, clock, JsonMapper.builder().build());
    }

    @Override
    public void close() {
        heartbeats.close();
    }
}
