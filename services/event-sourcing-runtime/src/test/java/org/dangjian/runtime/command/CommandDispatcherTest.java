package org.dangjian.runtime.command;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.bson.Document;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.CommandDeadline;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.metadata.PlatformCorrelationDataProvider;
import org.dangjian.runtime.reaction.DispatchingReactor;
import org.dangjian.runtime.reaction.Reactor;
import org.dangjian.runtime.testing.Drill;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.StoreKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands through the dispatcher on Axon and the real store: a key applies a command once; a repeat waits for a
 * first request that is alive, and takes over one whose instance fell silent; a command past its deadline stores
 * nothing; a reaction's command carries the service as its actor and the event as its cause.
 */
class CommandDispatcherTest {

    private static final Actor CALLER = new Actor("shuji", "BRANCH_SECRETARY", null);
    private static final Duration SILENCE = Duration.ofSeconds(1);

    private StoreKit kit;
    private CommandDispatchers dispatchers;
    private Configuration axon;
    private CommandDispatcher dispatcher;
    private MongoCollection<Document> keys;

    @BeforeEach
    void setUp() {
        CommandDispatchers[] late = new CommandDispatchers[1];
        kit = new StoreKit(DrillEvents.DRILLS, List.of(events -> late[0].appendListener().appended(events)));
        dispatchers = new CommandDispatchers(kit.database, new CommandDispatcher.Settings(Duration.ofSeconds(4), SILENCE, Duration.ofSeconds(2), Duration.ofMillis(500), 1));
        late[0] = dispatchers;
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> kit.engine)
                .configureAggregate(Drill.class)
                .configureCorrelationDataProviders(c -> List.of(new PlatformCorrelationDataProvider()))
                .buildConfiguration();
        axon.start();
        dispatcher = dispatchers.dispatcher(axon.commandGateway(), kit.reader, role -> CALLER, Clock.systemUTC());
        keys = kit.database.getCollection(IdempotencyStore.COLLECTION);
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
        dispatchers.close();
        kit.close();
    }

    private CommandResult schedule(String drillId, String key) {
        return dispatcher.send(drillId, id -> new Drill.ScheduleDrill(id, "消防演练", "m1"),
                CommandContext.of(key, "schedule-drill", java.util.Map.of("title", "消防演练"), null));
    }

    private CommandResult hold(String drillId, String key, long takesMillis) {
        return dispatcher.send(drillId, id -> new Drill.HoldDrill(id, takesMillis), CommandContext.of(key, "hold-drill " + drillId, "{}", null));
    }

    private List<StoredEvent> stream(String drillId) {
        return kit.reader.readStream(drillId, 0);
    }

    @Test
    void theSameKeyAppliesACommandOnceAndAnswersEveryRepeatTheSame() {
        schedule("d1", null);
        CommandResult first = hold("d1", "key-1", 0);
        CommandResult repeat = hold("d1", "key-1", 0);

        assertThat(first.replayed()).isFalse();
        assertThat(repeat.replayed()).isTrue();
        assertThat(repeat.sequence()).isEqualTo(first.sequence()).isEqualTo(1);
        assertThat(stream("d1")).hasSize(2);
        assertThat(stream("d1").get(1).idempotencyKey()).isEqualTo("key-1");
        assertThat(stream("d1").get(1).actor()).isEqualTo(CALLER);
    }

    @Test
    void aRefusalIsAnsweredTheSameToEveryRepeat() {
        schedule("d1", null);
        hold("d1", null, 0);
        assertThatThrownBy(() -> hold("d1", "key-2", 0)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.code()).isEqualTo("DRILL_ALREADY_HELD"));
        assertThatThrownBy(() -> hold("d1", "key-2", 0)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.code()).isEqualTo("DRILL_ALREADY_HELD"));
    }

    @Test
    void aKeyUsedForAnotherRequestIsRefused() {
        schedule("d1", null);
        schedule("d2", null);
        hold("d1", "key-3", 0);
        assertThatThrownBy(() -> hold("d2", "key-3", 0)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(v.kind()).isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
        });
    }

    @Test
    void aRepeatWaitsForAFirstRequestThatIsStillAtWorkAndGetsItsAnswer() throws Exception {
        schedule("d1", null);
        CompletableFuture<CommandResult> first = CompletableFuture.supplyAsync(() -> hold("d1", "key-4", 1500));
        Thread.sleep(300);
        CommandResult repeat = hold("d1", "key-4", 0);

        assertThat(repeat.replayed()).as("the first one beat its claim all along: not taken over").isTrue();
        assertThat(first.get(10, TimeUnit.SECONDS).sequence()).isEqualTo(repeat.sequence());
        assertThat(stream("d1")).hasSize(2);
    }

    @Test
    void aKeyWhoseInstanceDiedBeforeStoringIsTakenOverSoonAndTheCommandAppliedOnce() {
        schedule("d1", null);
        schedule("d2", null);
        dispatcher.send("d1", id -> new Drill.HoldDrill(id, 0), CommandContext.of("key-5", "hold-drill", "{}", null));
        // the same request as key-5's, for d2, claimed by an instance that then died before storing anything
        Document claim = keys.find(eq("_id", CommandDispatcher.scope(CALLER.id(), new IdempotencyKey("key-5")))).first();
        String deadScope = CommandDispatcher.scope(CALLER.id(), new IdempotencyKey("key-6"));
        claim.put("_id", deadScope);
        claim.put("owner", "a-dead-instance");
        claim.put("state", "IN_PROGRESS");
        claim.put("aggregateId", "d2");
        claim.remove("result");
        keys.insertOne(claim);
        String hold6 = "hold-drill";
        long began = System.nanoTime();

        CommandResult answer = dispatcher.send("d2", id -> new Drill.HoldDrill(id, 0), CommandContext.of("key-6", hold6, "{}", null));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(SILENCE, SILENCE.plusSeconds(2));
        assertThat(answer.sequence()).isEqualTo(1);
        assertThat(stream("d2")).hasSize(2);
        assertThat(keys.find(eq("_id", deadScope)).first().getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void aKeyWhoseInstanceDiedAfterStoringIsAnsweredFromTheStoredEventsWithoutRunningAgain() {
        schedule("d1", null);
        hold("d1", "key-7", 0);
        keys.updateOne(eq("_id", CommandDispatcher.scope(CALLER.id(), new IdempotencyKey("key-7"))),
                new Document("$set", new Document("owner", "a-dead-instance").append("state", "IN_PROGRESS")).append("$unset",
                        new Document("result", "")));

        CommandResult answer = hold("d1", "key-7", 0);

        assertThat(answer.replayed()).isTrue();
        assertThat(answer.sequence()).isEqualTo(1);
        assertThat(stream("d1")).hasSize(2);
    }

    @Test
    void aCommandPastItsDeadlineStoresNothingAndMayBeRetriedAtOnce() {
        schedule("d1", null);
        assertThatThrownBy(() -> hold("d1", "key-8", 2300)).isInstanceOf(CommandDeadline.DeadlineExceededException.class);
        assertThat(stream("d1")).hasSize(1);

        CommandResult retried = hold("d1", "key-8", 0);
        assertThat(retried.replayed()).isFalse();
        assertThat(stream("d1")).hasSize(2);
    }

    @Test
    void aReactionsCommandCarriesTheServiceItsCauseAndAKeyDerivedFromTheEvent() {
        schedule("d1", null);
        PublishedEvent cause = new PublishedEvent("evt-42", "/dangjian/drills", "org.dangjian.drills.DrillHeld.v1", "x1", "Drill", 3,
                Instant.parse("2022-05-04T08:00:00Z"), Instant.parse("2022-05-04T08:00:01Z"), CALLER, "corr-9", null, "p", "h", "{}", null);
        Counter refusals = new SimpleMeterRegistry().counter("refusals");
        Actor service = Actor.service("tally");

        Reactor.Outcome first = new DispatchingReactor(dispatcher, service, "points", cause, refusals)
                .send("d1", id -> new Drill.HoldDrill(id, 0));
        Reactor.Outcome again = new DispatchingReactor(dispatcher, service, "points", cause, refusals)
                .send("d1", id -> new Drill.HoldDrill(id, 0));

        assertThat(first.accepted()).isTrue();
        assertThat(again.result().replayed()).as("the same event handled again stores nothing new").isTrue();
        StoredEvent stored = stream("d1").get(1);
        assertThat(stored.actor()).isEqualTo(new Actor("service:tally", "SERVICE", null));
        assertThat(stored.causationId()).isEqualTo("evt-42");
        assertThat(stored.correlationId()).isEqualTo("corr-9");
        assertThat(stored.idempotencyKey()).isEqualTo("reaction:points:evt-42:0");
        assertThat(stored.occurredAt()).isEqualTo(cause.occurredAt());
        assertThat(stream("d1")).hasSize(2);

        Reactor.Outcome refused = new DispatchingReactor(dispatcher, service, "points", new PublishedEvent("evt-43", "/dangjian/drills",
                "org.dangjian.drills.DrillHeld.v1", "x1", "Drill", 4, cause.occurredAt(), cause.recordedAt(), CALLER, null, null, "p", "h", "{}",
                null), refusals).send("d1", id -> new Drill.HoldDrill(id, 0));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.refusal().code()).isEqualTo("DRILL_ALREADY_HELD");
        assertThat(refusals.count()).isEqualTo(1);
    }

    @Test
    void anOwnerSilenceAsLongAsTheWaitIsRefusedAtStart() {
        assertThatThrownBy(() -> new CommandDispatcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10), 7))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
