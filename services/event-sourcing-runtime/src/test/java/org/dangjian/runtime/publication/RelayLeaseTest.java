package org.dangjian.runtime.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.dangjian.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One relay per service at a time: the lease is held, renewed, and taken over only once it ran out. */
class RelayLeaseTest {

    private MongoClient client;
    private MongoDatabase database;
    private Instant now = Instant.parse("2026-01-01T08:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.endpoints().mongoConnectionString());
        database = client.getDatabase("lease" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void close() {
        client.close();
    }

    RelayLease lease(String owner) {
        return new RelayLease(database, "publication-relay", owner, Duration.ofSeconds(15), clock,
                () -> now.toEpochMilli() * 1_000_000L);
    }

    @Test
    void onlyOneInstanceHoldsTheLeaseAtATime() {
        RelayLease first = lease("instance-a");
        RelayLease second = lease("instance-b");
        assertThat(first.holdOrAcquire()).isTrue();
        assertThat(second.holdOrAcquire()).isFalse();
        now = now.plusSeconds(10);
        assertThat(first.holdOrAcquire()).as("the holder renews before it runs out").isTrue();
        now = now.plusSeconds(10);
        assertThat(second.holdOrAcquire()).as("renewed, so still held by the first").isFalse();
    }

    @Test
    void anotherInstanceTakesOverOnceTheHolderStoppedRenewing() {
        RelayLease first = lease("instance-a");
        RelayLease second = lease("instance-b");
        assertThat(first.holdOrAcquire()).isTrue();
        now = now.plusSeconds(16);
        assertThat(second.holdOrAcquire()).isTrue();
        now = now.plusSeconds(8);
        assertThat(first.holdOrAcquire()).as("the old holder learns it lost the lease").isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        RelayLease first = lease("instance-a");
        RelayLease second = lease("instance-b");
        assertThat(first.holdOrAcquire()).isTrue();
        first.release();
        assertThat(second.holdOrAcquire()).isTrue();
    }

    @Test
    void anInstanceRestartedWithTheSameIdentityTakesItsLeaseBackAtOnce() {
        assertThat(lease("organisation@host:8081").holdOrAcquire()).isTrue();
        // the process is killed; a new one starts on the same host and port, long before the lease runs out
        now = now.plusSeconds(2);
        assertThat(lease("organisation@host:8082").holdOrAcquire()).as("another instance waits").isFalse();
        assertThat(lease("organisation@host:8081").holdOrAcquire()).as("the restarted one need not").isTrue();
    }
}
