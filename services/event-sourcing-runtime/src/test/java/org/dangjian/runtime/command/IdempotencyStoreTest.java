package org.dangjian.runtime.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key has one owner at a time: only the owner records the answer, and only one caller takes a dead owner's key over. */
class IdempotencyStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");

    private MongoClient client;
    private IdempotencyStore store;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoConnectionString());
        store = new IdempotencyStore(client.getDatabase("keys" + UUID.randomUUID().toString().substring(0, 8)), 7);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRequestWhoseKeyWasTakenOverCannotRecordAnAnswerAnyMore() {
        IdempotencyStore.Entry first = store.claim("7:dangwei|k", "f", "unit-1", NOW).entry();
        Optional<IdempotencyStore.Entry> second = store.takeOver(first);
        assertThat(second).isPresent();

        store.reject(first, RuleViolation.conflict("NAME_UNCHANGED", "too late"));
        store.fail(first);
        assertThat(store.find("7:dangwei|k").orElseThrow().state()).isEqualTo(IdempotencyStore.State.IN_PROGRESS);

        store.complete(second.get(), new CommandResult("unit-1", 3, false));
        IdempotencyStore.Entry answered = store.find("7:dangwei|k").orElseThrow();
        assertThat(answered.state()).isEqualTo(IdempotencyStore.State.COMPLETED);
        assertThat(answered.result().sequence()).isEqualTo(3);
    }

    @Test
    void onlyOneCallerTakesADeadOwnersKeyOver() {
        IdempotencyStore.Entry dead = store.claim("7:dangwei|k", "f", "unit-1", NOW).entry();
        assertThat(store.takeOver(dead)).isPresent();
        assertThat(store.takeOver(dead)).as("the second one saw the same dead owner").isEmpty();
    }

    @Test
    void aRepeatFindsTheFirstClaim() {
        store.claim("7:dangwei|k", "f", "unit-1", NOW);
        IdempotencyStore.Claim repeat = store.claim("7:dangwei|k", "f", "unit-2", NOW);
        assertThat(repeat.owned()).isFalse();
        assertThat(repeat.entry().aggregateId()).isEqualTo("unit-1");
    }
}
