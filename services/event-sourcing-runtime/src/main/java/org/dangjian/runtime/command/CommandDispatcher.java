package org.dangjian.runtime.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.AggregateAlreadyExistsException;
import org.dangjian.runtime.eventstore.AggregateConflictException;
import org.dangjian.runtime.eventstore.CommandDeadline;
import org.dangjian.runtime.eventstore.EventPayloadCodec;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.metadata.EventMetadata;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends commands the way every service does: with the actor (from the token, or the service itself for a reaction),
 * the correlation and causation ids, the business time, a deadline, and safe retries.
 *
 * <p>Safe retries: a command with an idempotency key is applied once. The first request claims the key (a document
 * with a unique id per caller and key); its events carry the key; its answer, success or refusal, is stored with the
 * claim. While it runs, its instance beats the claim every second. A repeat gets the stored answer; a repeat that
 * arrives while the first still runs waits for it (up to {@code waitForFirst}); a repeat that sees the beat stand
 * still for {@code ownerSilence} (the first one's instance died) takes the key over, answers from the events already
 * stored with the key if there are any, and only otherwise runs the command. A key reused for a different request is
 * refused (422).
 *
 * <p>Deadline: a command must reach its commit within {@code commandDeadline}; past it the store refuses to append
 * (nothing is stored, 503) and the claim stops beating, so a request that hangs is taken over by a retry and can no
 * longer store anything itself: a hung request is never applied twice.
 *
 * <p>A command that loses a race with another instance (the store's optimistic lock) is retried against the new
 * state a few times, then answered 409 naming the aggregate that conflicted; first, if it has a key, it looks whether
 * the other writer was itself a repeat of this request (its events carry the key) and answers from those.
 */
public final class CommandDispatcher {

    private static final int CONCURRENCY_ATTEMPTS = 3;
    private static final String TRANSIENT = "CONCURRENT_MODIFICATION";

    /**
     * Timing of commands.
     *
     * @param waitForFirst    how long a repeat waits for the first request with its key
     * @param ownerSilence    after this long without a heartbeat, the first request's instance is presumed dead
     * @param commandDeadline how long a command may take to reach its commit, all its attempts together
     * @param commitGrace     how long a write begun before the deadline may still take (one database operation's
     *                        timeout): the claim beats until deadline plus grace, after which nothing of the command
     *                        can still be stored
     * @param retainDays      how long answers are kept (MongoDB TTL index)
     */
    public record Settings(Duration waitForFirst, Duration ownerSilence, Duration commandDeadline, Duration commitGrace, long retainDays) {

        public Settings {
            if (ownerSilence.compareTo(waitForFirst) >= 0) {
                throw new IllegalArgumentException("dangjian.idempotency.owner-silence (" + ownerSilence + ") must be shorter than "
                        + "wait-for-first (" + waitForFirst + "): a retry after a crash must be answered while it waits");
            }
            if (heartbeat(ownerSilence).compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("dangjian.idempotency.owner-silence must be at least 500 ms");
            }
        }

        /** How often an owner beats: five beats to a silence period, so one delayed beat is not taken for death. */
        static Duration heartbeat(Duration ownerSilence) {
            return ownerSilence.dividedBy(5);
        }
    }

    private final CommandGateway gateway;
    private final AppendedEvents appended;
    private final IdempotencyStore keys;
    private final Heartbeats heartbeats;
    private final EventStoreReader store;
    private final Function<String, Actor> currentActor;
    private final Settings settings;
    private final Clock clock;
    private final JsonMapper json;

    CommandDispatcher(CommandGateway gateway, AppendedEvents appended, IdempotencyStore keys, Heartbeats heartbeats, EventStoreReader store,
                      Function<String, Actor> currentActor, Settings settings, Clock clock, JsonMapper json) {
        this.gateway = gateway;
        this.appended = appended;
        this.keys = keys;
        this.heartbeats = heartbeats;
        this.store = store;
        this.currentActor = currentActor;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Sends the command built for {@code aggregateId}, as the caller of the current request. With an idempotency key
     * whose first request named another aggregate id (a creation whose id the server chose), the command is built
     * for that first id.
     */
    public CommandResult send(String aggregateId, Function<String, ?> commandFor, CommandContext context) {
        return sendAs(currentActor.apply(context.actingAs()), aggregateId, commandFor, context);
    }

    /** The same, as the given actor (a reaction sends as its service). */
    public CommandResult sendAs(Actor actor, String aggregateId, Function<String, ?> commandFor, CommandContext context) {
        if (context.idempotencyKey() == null) {
            return execute(aggregateId, commandFor, context, actor, System.nanoTime() + settings.commandDeadline().toNanos());
        }
        String scope = scope(actor.id(), context.idempotencyKey());
        String fingerprint = fingerprint(context);
        IdempotencyStore.Claim claim = keys.claim(scope, fingerprint, aggregateId, clock.instant());
        if (claim.owned()) {
            return runOwned(claim.entry(), commandFor, context, actor);
        }
        return answerRepeat(claim.entry(), fingerprint, commandFor, context, actor);
    }

    /**
     * The record of a caller's key: the subject's length, the subject and the key, so that no two (subject, key)
     * pairs share one, whatever characters either holds.
     */
    public static String scope(String subject, IdempotencyKey key) {
        return subject.length() + ":" + subject + "|" + key.value();
    }

    private CommandResult answerRepeat(IdempotencyStore.Entry first, String fingerprint, Function<String, ?> commandFor,
                                       CommandContext context, Actor actor) {
        if (!first.fingerprint().equals(fingerprint)) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency-Key {0} was used for a different request; use a new key for a new request",
                    context.idempotencyKey().value());
        }
        long deadline = System.nanoTime() + settings.waitForFirst().toNanos();
        IdempotencyStore.Entry entry = first;
        String owner = entry.owner();
        long beat = entry.beat();
        long beatSeenAt = System.nanoTime();
        while (true) {
            switch (entry.state()) {
                case COMPLETED:
                    return entry.result().asReplay();
                case REJECTED:
                    throw entry.rejection().toViolation();
                default:
                    break;
            }
            if (!entry.owner().equals(owner) || entry.beat() != beat) {
                owner = entry.owner();
                beat = entry.beat();
                beatSeenAt = System.nanoTime();
            }
            boolean silent = System.nanoTime() - beatSeenAt >= settings.ownerSilence().toNanos();
            if (entry.state() == IdempotencyStore.State.FAILED || silent) {
                Optional<IdempotencyStore.Entry> taken = keys.takeOver(entry);
                if (taken.isPresent()) {
                    return recover(taken.get(), commandFor, context, actor);
                }
            }
            if (System.nanoTime() > deadline) {
                throw RuleViolation.conflict("IDEMPOTENT_REQUEST_IN_PROGRESS",
                        "The first request with Idempotency-Key {0} is still being processed; retry shortly",
                        context.idempotencyKey().value());
            }
            sleep();
            entry = keys.find(entry.scope()).orElse(entry);
        }
    }

    /** The owner of the key died or failed: trust the events it may have stored before running the command again. */
    private CommandResult recover(IdempotencyStore.Entry entry, Function<String, ?> commandFor, CommandContext context, Actor actor) {
        Optional<CommandResult> done = storedWithKey(entry.aggregateId(), context, actor);
        if (done.isPresent()) {
            keys.complete(entry, done.get());
            return done.get().asReplay();
        }
        return runOwned(entry, commandFor, context, actor);
    }

    /** The newest event of the aggregate stored by this caller with this key, as the command's answer. */
    private Optional<CommandResult> storedWithKey(String aggregateId, CommandContext context, Actor actor) {
        return store.readStream(aggregateId, 0).stream()
                .filter(e -> context.idempotencyKey().value().equals(e.idempotencyKey()) && actor.id().equals(e.actor().id()))
                .reduce((a, b) -> b)
                .map(e -> new CommandResult(aggregateId, e.sequence(), false));
    }

    private CommandResult runOwned(IdempotencyStore.Entry entry, Function<String, ?> commandFor, CommandContext context, Actor actor) {
        long started = heartbeats.track(entry);
        try {
            CommandResult result = execute(entry.aggregateId(), commandFor, context, actor, started + settings.commandDeadline().toNanos());
            keys.complete(entry, result);
            return result;
        } catch (RuleViolation violation) {
            if (TRANSIENT.equals(violation.code())) {
                keys.fail(entry); // a retry may well succeed: do not store this answer
            } else {
                keys.reject(entry, violation);
            }
            throw violation;
        } catch (RuntimeException | Error e) {
            keys.fail(entry);
            throw e;
        } finally {
            heartbeats.untrack(entry);
        }
    }

    /** The earliest business time a command may carry (the platform records the work of a party organisation). */
    static final Instant EARLIEST_OCCURRED_AT = Instant.parse("1921-07-01T00:00:00Z");

    /** Runs the command, retrying a lost race, all attempts within one deadline ({@code deadlineNanos}, monotonic). */
    private CommandResult execute(String aggregateId, Function<String, ?> commandFor, CommandContext context, Actor actor, long deadlineNanos) {
        if (context.occurredAt() != null && (context.occurredAt().isBefore(EARLIEST_OCCURRED_AT)
                || context.occurredAt().isAfter(clock.instant().plusSeconds(60)))) {
            throw RuleViolation.invalid("INVALID_OCCURRED_AT", "occurredAt must lie between {0} and now", EARLIEST_OCCURRED_AT.toString());
        }
        Object command = commandFor.apply(aggregateId);
        if (!wellFormed(json.writeValueAsString(command))) {
            throw RuleViolation.invalid("INVALID_TEXT", "The request holds text that is not well-formed Unicode (a lone surrogate)");
        }
        for (int attempt = 1; ; attempt++) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadata(actor, context));
            appended.begin();
            try {
                CommandDeadline.within(deadlineNanos - System.nanoTime(), () -> gateway.sendAndWait(message));
                return appended.end(aggregateId)
                        .orElseThrow(() -> new IllegalStateException(command.getClass().getSimpleName() + " produced no event"));
            } catch (AggregateNotFoundException e) {
                AggregateCodes codes = command.getClass().getAnnotation(AggregateCodes.class);
                throw RuleViolation.notFound(codes == null ? "NOT_FOUND" : codes.notFound(), "There is no record with id {0}", aggregateId);
            } catch (AggregateStreamCreationException e) {
                String existing = e instanceof AggregateAlreadyExistsException known ? known.aggregateId() : aggregateId;
                Optional<CommandResult> repeat = repeatOfThisRequest(existing, context, actor);
                if (repeat.isPresent()) {
                    return repeat.get();
                }
                AggregateCodes codes = command.getClass().getAnnotation(AggregateCodes.class);
                throw RuleViolation.conflict(codes == null || !existing.equals(aggregateId) ? "ALREADY_EXISTS" : codes.alreadyExists(),
                        "A record with id {0} already exists", existing);
            } catch (ConcurrencyException | LockAcquisitionFailedException e) {
                String conflicted = e instanceof AggregateConflictException known ? known.aggregateId() : aggregateId;
                Optional<CommandResult> repeat = repeatOfThisRequest(aggregateId, context, actor);
                if (repeat.isPresent()) {
                    return repeat.get();
                }
                if (attempt >= CONCURRENCY_ATTEMPTS) {
                    throw RuleViolation.conflict(TRANSIENT,
                            "{0} was changed by someone else at the same moment; reload it and try again", conflicted);
                }
            } catch (EventPayloadCodec.NonInteroperablePayloadException e) {
                throw RuleViolation.invalid("UNREPRESENTABLE_NUMBER", "{0}", e.getMessage());
            } finally {
                appended.end(aggregateId);
            }
        }
    }

    /** After a conflict: was the other writer a repeat of this very request (its events carry this caller's key)? */
    private Optional<CommandResult> repeatOfThisRequest(String aggregateId, CommandContext context, Actor actor) {
        return context.idempotencyKey() == null ? Optional.empty() : storedWithKey(aggregateId, context, actor).map(CommandResult::asReplay);
    }

    private Map<String, Object> metadata(Actor actor, CommandContext context) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR_ID, actor.id());
        metadata.put(EventMetadata.ACTOR_ROLE, actor.role());
        if (actor.organisation() != null) {
            metadata.put(EventMetadata.ACTOR_ORG, actor.organisation());
        }
        String correlationId = context.correlationId() != null ? context.correlationId() : MDC.get(EventMetadata.CORRELATION_ID);
        if (correlationId != null) {
            metadata.put(EventMetadata.CORRELATION_ID, correlationId);
        }
        if (context.causationId() != null) {
            metadata.put(EventMetadata.CAUSATION_ID, context.causationId());
        }
        metadata.put(EventMetadata.OCCURRED_AT, (context.occurredAt() == null ? clock.instant() : context.occurredAt()).toString());
        if (context.idempotencyKey() != null) {
            metadata.put(EventMetadata.IDEMPOTENCY_KEY, context.idempotencyKey().value());
        }
        return metadata;
    }

    private String fingerprint(CommandContext context) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(context.operation().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(json.writeValueAsBytes(context.request()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text survives UTF-8 unchanged (no lone surrogates): what is stored, hashed and published must agree. */
    private static boolean wellFormed(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first request with the same key", e);
        }
    }
}
