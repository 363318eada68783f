package org.dangjian.organisation.web;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.organisation.web.OrganisationServiceTest.MEMBER;
import static org.dangjian.organisation.web.OrganisationServiceTest.STAFF;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoDatabase;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.command.IdempotencyKey;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients retry after timeouts: a command sent again with the same Idempotency-Key is applied once and answered the
 * same, whether the repeat comes after the first, at the same moment, or after the first request's instance died.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class IdempotencyTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase serviceDatabase;

    Api api;
    String committee;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
        committee = api.post("/units", STAFF, Map.of("kind", "COMMITTEE", "name", "幂等党委"), Map.of()).body().get("id").asString();
    }

    Api.Response establishBranch(String key, String name) {
        return api.post("/units", STAFF, Map.of("kind", "BRANCH", "name", name, "parentId", committee), Map.of("Idempotency-Key", key));
    }

    long subordinatesNamed(String name) {
        api.get("/units/" + committee + "?minSequence=0", MEMBER);
        return api.get("/tree", MEMBER).body().findValues("name").stream().filter(n -> n.asString().equals(name)).count();
    }

    @Test
    void aCommandSentTwiceWithTheSameKeyIsAppliedOnceAndAnsweredTheSame() throws Exception {
        String key = UUID.randomUUID().toString();
        Api.Response first = establishBranch(key, "幂等第一支部");
        Api.Response second = establishBranch(key, "幂等第一支部");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        String unit = first.body().get("id").asString();
        api.get("/units/" + unit + "?minSequence=0", MEMBER);
        Thread.sleep(300);
        assertThat(subordinatesNamed("幂等第一支部")).isEqualTo(1);
    }

    @Test
    void concurrentRepeatsWithTheSameKeyAreAppliedOnceAndAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<Api.Response> call = () -> {
                start.await();
                return establishBranch(key, "幂等并发支部");
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(responses).extracting(r -> r.body().get("id").asString()).containsOnly(responses.get(0).body().get("id").asString());
        assertThat(responses).extracting(r -> r.body().get("sequence").asLong()).containsOnly(0L);
        assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        Thread.sleep(300);
        assertThat(subordinatesNamed("幂等并发支部")).isEqualTo(1);
    }

    @Test
    void concurrentRenamesWithTheSameKeyProduceOneEvent() throws Exception {
        String unit = establishBranch(UUID.randomUUID().toString(), "幂等更名支部").body().get("id").asString();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "幂等更名后支部"),
                    Map.of("Idempotency-Key", key))));
        }
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("sequence").asLong()).isEqualTo(1);
        }
        pool.shutdown();
        Thread.sleep(300);
        assertThat(api.get("/units/" + unit + "/timeline?minSequence=1", MEMBER).body().get("entries")).hasSize(2);
    }

    @Test
    void aRefusalIsAnsweredTheSameToARepeat() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> wrong = Map.of("kind", "PARTY_GROUP", "name", "错误小组", "parentId", committee);
        Api.Response first = api.post("/units", STAFF, wrong, Map.of("Idempotency-Key", key));
        Api.Response second = api.post("/units", STAFF, wrong, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("KIND_NOT_ALLOWED_UNDER_PARENT");
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        establishBranch(key, "幂等甲支部");
        Api.Response other = establishBranch(key, "幂等乙支部");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Api.Response mine = establishBranch(key, "幂等各自支部");
        String otherStaff = TestTokens.forUser("wangwu", "COMMITTEE_STAFF", null);
        Api.Response theirs = api.post("/units", otherStaff, Map.of("kind", "BRANCH", "name", "幂等各自支部", "parentId", committee),
                Map.of("Idempotency-Key", key));
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.body().get("id").asString()).isNotEqualTo(mine.body().get("id").asString());
    }

    @Test
    void aRetryAfterTheFirstRequestsInstanceDiedFindsTheEventsItStored() throws Exception {
        String key = UUID.randomUUID().toString();
        Api.Response first = establishBranch(key, "幂等恢复支部");
        String unit = first.body().get("id").asString();
        // the first request's instance died after storing its event and before recording its answer
        serviceDatabase.getCollection("idempotency_keys").updateOne(eq("_id", CommandDispatcher.scope("dangwei", new IdempotencyKey(key))),
                combine(set("state", "IN_PROGRESS"), set("leaseUntil", new Date(System.currentTimeMillis() - 1000)), unset("result")));

        Api.Response retry = establishBranch(key, "幂等恢复支部");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        Thread.sleep(300);
        api.get("/units/" + unit + "?minSequence=0", MEMBER);
        assertThat(subordinatesNamed("幂等恢复支部")).isEqualTo(1);
        assertThat(api.get("/units/" + unit + "/timeline?minSequence=0", MEMBER).body().get("entries")).hasSize(1);
    }

    @Test
    void anUnusableKeyIsRefused() {
        Api.Response response = establishBranch("has spaces", "幂等坏键支部");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }
}
