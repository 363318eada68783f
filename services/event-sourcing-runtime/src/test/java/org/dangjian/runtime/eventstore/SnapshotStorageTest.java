package org.dangjian.runtime.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.dangjian.runtime.testing.StoreKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshots keep an aggregate's private state across a restart, and the newest one wins. */
class SnapshotStorageTest {

    /** An aggregate's shape: private fields, no getters, a time and an enum. */
    static final class Unit {
        enum Kind { BRANCH, PARTY_GROUP }

        private String unitId;
        private String name;
        private Kind kind;
        private Instant establishedAt;
        private boolean dissolved;

        Unit() {
        }

        Unit(String unitId, String name, Kind kind, Instant establishedAt, boolean dissolved) {
            this.unitId = unitId;
            this.name = name;
            this.kind = kind;
            this.establishedAt = establishedAt;
            this.dissolved = dissolved;
        }
    }

    private StoreKit kit;
    private KeyedMongoEventStorageEngine engine;

    @BeforeEach
    void connect() {
        kit = new StoreKit(List.of());
        engine = kit.engine;
    }

    @AfterEach
    void close() {
        kit.close();
    }

    private static DomainEventMessage<Unit> snapshot(long sequence, String name) {
        Unit unit = new Unit("unit-1", name, Unit.Kind.BRANCH, Instant.parse("2022-03-01T09:30:00Z"), sequence > 5);
        return new GenericDomainEventMessage<>("Unit", "unit-1", sequence, unit);
    }

    @Test
    void aSnapshotReadsBackWithTheAggregatesPrivateState() {
        engine.storeSnapshot(snapshot(4, "第一党支部"));

        Optional<DomainEventMessage<?>> read = engine.readSnapshot("unit-1");
        assertThat(read).isPresent();
        assertThat(read.get().getSequenceNumber()).isEqualTo(4);
        assertThat(read.get().getPayload()).usingRecursiveComparison()
                .isEqualTo(new Unit("unit-1", "第一党支部", Unit.Kind.BRANCH, Instant.parse("2022-03-01T09:30:00Z"), false));
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        engine.storeSnapshot(snapshot(9, "综合服务党支部"));
        engine.storeSnapshot(snapshot(4, "第一党支部"));

        DomainEventMessage<?> read = engine.readSnapshot("unit-1").orElseThrow();
        assertThat(read.getSequenceNumber()).isEqualTo(9);
        assertThat(read.getPayload()).usingRecursiveComparison().isEqualTo(
                new Unit("unit-1", "综合服务党支部", Unit.Kind.BRANCH, Instant.parse("2022-03-01T09:30:00Z"), true));
    }

    @Test
    void anAggregateWithoutSnapshotHasNone() {
        assertThat(engine.readSnapshot("unit-2")).isEmpty();
    }
}
