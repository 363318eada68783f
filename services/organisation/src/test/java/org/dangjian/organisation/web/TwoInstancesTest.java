package org.dangjian.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.organisation.web.OrganisationServiceTest.STAFF;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.dangjian.organisation.OrganisationApplication;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two instances of the organisation service on one store, as a deployment with two replicas runs: each with its own
 * aggregate cache, so the only thing between them is the store's optimistic lock. Establishing a unit under a parent
 * on one instance and dissolving that parent on the other, at the same moment and many times over, never leaves an
 * active unit under a dissolved one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class TwoInstancesTest {

    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    EventStoreReader store;

    Api first;
    Api other;

    @BeforeEach
    void startTheSecondInstance() {
        first = new Api("http://localhost:" + port);
        if (second == null) {
            List<String> args = new ArrayList<>();
            for (String key : List.of("spring.kafka.bootstrap-servers", "spring.mongodb.uri", "spring.mongodb.database",
                    "dangjian.eventing.namespace", "dangjian.security.jwk-set-uri", "dangjian.security.public-key-location",
                    "dangjian.security.issuer")) {
                args.add("--" + key + "=" + environment.getProperty(key, ""));
            }
            args.add("--server.port=0");
            second = new SpringApplicationBuilder(OrganisationApplication.class).run(args.toArray(String[]::new));
        }
        other = new Api("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort());
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void establishingUnderAParentWhileItIsDissolvedElsewhereNeverLeavesAnActiveUnitUnderADissolvedOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int establishedOnly = 0;
        int dissolvedOnly = 0;
        try {
            for (int round = 0; round < 30; round++) {
                String committee = first.established(STAFF, "COMMITTEE", "并发党委 " + round, null);
                // both instances know the committee as it is now (each caches it)
                first.post("/units/" + committee + "/rename", STAFF, Map.of("name", "并发党委（" + round + "）"), Map.of());
                other.post("/units/" + committee + "/rename", STAFF, Map.of("name", "并发党委 " + round), Map.of());
                Api establishOn = round % 2 == 0 ? first : other;
                Api dissolveOn = round % 2 == 0 ? other : first;
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Api.Response> establish = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return establishOn.establish(STAFF, "BRANCH", "并发支部", committee, null);
                }, pool);
                CompletableFuture<Api.Response> dissolve = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return dissolveOn.post("/units/" + committee + "/dissolve", STAFF, Map.of(), Map.of());
                }, pool);
                Api.Response established = establish.get(60, TimeUnit.SECONDS);
                Api.Response dissolved = dissolve.get(60, TimeUnit.SECONDS);

                assertThat(established.status() == 201 && dissolved.status() == 200)
                        .as("round %d: both the establishment and the dissolution succeeded", round).isFalse();
                if (established.status() == 201) {
                    establishedOnly++;
                    assertThat(dissolved.code()).isIn("UNIT_HAS_ACTIVE_SUBORDINATES", "CONCURRENT_MODIFICATION");
                } else if (dissolved.status() == 200) {
                    dissolvedOnly++;
                    assertThat(established.code()).isIn("PARENT_DISSOLVED", "CONCURRENT_MODIFICATION");
                }
                assertTheStoreAgrees(committee);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(establishedOnly + dissolvedOnly).as("most rounds decide one way or the other").isGreaterThan(20);
    }

    /** From the streams themselves: a dissolved committee has no unit under it that is not dissolved. */
    private void assertTheStoreAgrees(String committee) {
        List<StoredEvent> stream = store.readStream(committee, 0);
        boolean dissolved = stream.stream().anyMatch(e -> e.type().endsWith("OrganisationUnitDissolved.v1"));
        List<String> attached = stream.stream().filter(e -> e.type().endsWith("SubordinateAttached.v1"))
                .map(e -> Api.JSON.readTree(e.data()).get("subordinateId").asString()).toList();
        if (dissolved) {
            for (String unit : attached) {
                assertThat(store.readStream(unit, 0)).as("%s under the dissolved committee %s", unit, committee)
                        .anyMatch(e -> e.type().endsWith("OrganisationUnitDissolved.v1"));
            }
        }
        for (String unit : attached) {
            assertThat(store.readStream(unit, 0)).as("a unit recorded under its parent exists itself").isNotEmpty();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
