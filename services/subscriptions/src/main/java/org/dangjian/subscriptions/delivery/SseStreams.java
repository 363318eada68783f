package org.dangjian.subscriptions.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.dangjian.subscriptions.command.Catalogue;
import org.dangjian.subscriptions.query.SubscriptionsReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The departments' open server-sent-event streams (服务器推送). Each stream sends its subscription's events in journal
 * order, each as an SSE event whose {@code id} is its journal position and whose {@code data} is the CloudEvent in JSON
 * (what a webhook posts). A client that reconnects with {@code Last-Event-ID: <position>} receives the events after it:
 * nothing lost, nothing twice. An idle stream sends a comment every {@code heartbeat}; a subscription revoked ends its
 * streams with an event {@code subscription-ended}. Every event sent is recorded ({@link DeliveryRecords}).
 */
@Component
public class SseStreams implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SseStreams.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a stream stays open before the server closes it (the client reconnects with its Last-Event-ID). */
    static final Duration LIFETIME = Duration.ofHours(1);

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final SubscriptionsReadModel subscriptions;
    private final JournalReader reader;
    private final DeliveryRecords records;
    private final Catalogue catalogue;
    private final DeliverySettings settings;
    private final Clock clock;

    public SseStreams(SubscriptionsReadModel subscriptions, JournalReader reader, DeliveryRecords records,
                      Catalogue catalogue, DeliverySettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.records = records;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    private final class Stream {
        final String connection = UUID.randomUUID().toString();
        final String subscriptionId;
        final SseEmitter emitter;
        volatile long cursor;
        volatile Instant lastSent;
        volatile boolean closed;

        Stream(String subscriptionId, long cursor) {
            this.subscriptionId = subscriptionId;
            this.cursor = cursor;
            this.emitter = new SseEmitter(LIFETIME.toMillis());
            this.lastSent = clock.instant();
        }
    }

    /** Opens a stream of a granted subscription after {@code lastEventId} (null: from the grant's start). */
    public SseEmitter open(Grant grant, Long lastEventId) {
        long cursor = lastEventId != null ? lastEventId : Math.max(0, grant.fromPosition() - 1);
        Stream stream = new Stream(grant.subscriptionId(), cursor);
        streams.put(stream.connection, stream);
        Runnable remove = () -> {
            stream.closed = true;
            streams.remove(stream.connection);
        };
        stream.emitter.onCompletion(remove);
        stream.emitter.onTimeout(remove);
        stream.emitter.onError(error -> remove.run());
        try {
            stream.emitter.send(SseEmitter.event().comment("subscription " + grant.subscriptionId() + " after position " + cursor)
                    .reconnectTime(settings.pollInterval().multipliedBy(4).toMillis()));
        } catch (IOException e) {
            remove.run();
        }
        return stream.emitter;
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream when the service stops, before the web server waits for its requests to end (a stream
     * would keep it waiting): the clients reconnect with their Last-Event-ID.
     */
    @Override
    public void stop() {
        running = false;
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: after this phase the web server shuts down gracefully (Boot's phase is lower). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    void closeAll() {
        for (Stream stream : List.copyOf(streams.values())) {
            stream.closed = true;
            try {
                stream.emitter.complete();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        streams.clear();
    }

    /** How many streams are open now. */
    public int open() {
        return streams.size();
    }

    @Scheduled(fixedDelayString = "${dangjian.subscriptions.poll-interval:250ms}", initialDelayString = "${dangjian.subscriptions.poll-interval:250ms}")
    public void push() {
        for (Stream stream : List.copyOf(streams.values())) {
            try {
                push(stream);
            } catch (IOException | IllegalStateException e) {
                stream.closed = true;
                streams.remove(stream.connection);
            } catch (RuntimeException e) {
                LOG.warn("Stream {} of subscription {} could not be served this time: {}", stream.connection, stream.subscriptionId, e.toString());
            }
        }
    }

    private void push(Stream stream) throws IOException {
        if (stream.closed) {
            return;
        }
        Optional<Grant> grant = subscriptions.find(stream.subscriptionId).flatMap(Grant::of);
        if (grant.isEmpty()) {
            stream.emitter.send(SseEmitter.event().name("subscription-ended").data("{\"subscriptionId\":\"" + stream.subscriptionId + "\"}"));
            stream.emitter.complete();
            streams.remove(stream.connection);
            return;
        }
        for (JournalReader.Step step : reader.next(grant.get(), stream.cursor)) {
            if (step.deliver()) {
                Grant.Delivered delivered = grant.get().cloudEvent(step.entry(), catalogue);
                stream.emitter.send(SseEmitter.event().id(Long.toString(step.position())).data(JSON.writeValueAsString(delivered.event())));
                records.streamed(grant.get(), step.entry(), delivered.masked(), stream.connection);
                stream.lastSent = clock.instant();
            }
            stream.cursor = step.position();
        }
        if (Duration.between(stream.lastSent, clock.instant()).compareTo(settings.heartbeat()) >= 0) {
            stream.emitter.send(SseEmitter.event().comment("heartbeat"));
            stream.lastSent = clock.instant();
        }
    }
}
