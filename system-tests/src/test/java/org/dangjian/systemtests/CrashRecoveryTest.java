package org.dangjian.systemtests;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.dangjian.launcher.Launcher;
import org.dangjian.testsupport.DemoLogin;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of the organisation service while commands are in flight, through the gateway as web clients send
 * them: after the service comes back, every request retried with its {@code Idempotency-Key} is answered within 10
 * seconds, and every command is applied exactly once (counted in the store by key).
 */
@Order(Integer.MAX_VALUE) // last: see junit-platform.properties
class CrashRecoveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RETRY_BOUND = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One command: its key and body, and what the first attempt got (null while it had no answer). */
    private record Sent(String key, Map<String, Object> body, Integer status, JsonNode answer) {
    }

    private record Answer(int status, JsonNode body, long millis) {
    }

    private Answer establish(Launcher platform, String token, String key, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/organisation/units"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        long began = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, (System.nanoTime() - began) / 1_000_000);
    }

    @Test
    void afterKillDashNineOfTheServiceEveryRetryWithItsKeyIsAnsweredWithinTenSecondsAndAppliedOnce() throws Exception {
        Launcher platform = RunningPlatform.get();
        String token = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", "dangjian");
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch loaded = new CountDownLatch(40);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int client = 0; client < 8; client++) {
            int number = client;
            clients.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    String key = UUID.randomUUID().toString();
                    Map<String, Object> body = Map.of("kind", "COMMITTEE", "name", "崩溃恢复党委 " + number + "-" + i);
                    boolean afterKill = killed.get();
                    try {
                        Answer answer = establish(platform, token, key, body);
                        sent.add(new Sent(key, body, answer.status(), answer.body()));
                        loaded.countDown();
                        if (answer.status() >= 500 || afterKill) {
                            return; // the service is gone: this client stops, as a person would wait
                        }
                    } catch (IOException | RuntimeException e) {
                        sent.add(new Sent(key, body, null, null));
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        assertThat(loaded.await(60, TimeUnit.SECONDS)).as("the clients are at work").isTrue();
        killed.set(true);
        platform.kill("organisation");
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
        platform.restart("organisation");

        List<Sent> inDoubt = sent.stream().filter(s -> s.status() == null || s.status() >= 500).toList();
        assertThat(inDoubt).as("some requests were cut off by the kill").isNotEmpty();
        long slowest = 0;
        for (Sent request : sent) {
            Answer retry = establish(platform, token, request.key(), request.body());
            slowest = Math.max(slowest, retry.millis());
            assertThat(retry.status()).as("retry of %s (first: %s %s): %s", request.key(), request.status(), request.answer(), retry.body())
                    .isEqualTo(201);
            assertThat(Duration.ofMillis(retry.millis())).as("the retry of %s is answered within 10 s", request.key())
                    .isLessThan(RETRY_BOUND);
            if (request.status() != null && request.status() == 201) {
                assertThat(retry.body()).as("the retry gets the first answer").isEqualTo(request.answer());
            }
        }
        System.out.printf("CrashRecoveryTest: %d commands sent, %d cut off by kill -9, slowest retry %d ms%n", sent.size(), inDoubt.size(),
                slowest);
        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            var events = mongo.getDatabase("organisation").getCollection("events");
            for (Sent request : sent) {
                assertThat(events.countDocuments(and(eq("idempotencyKey", request.key()), eq("actor.id", "dangwei"))))
                        .as("events stored with key %s", request.key()).isEqualTo(1);
            }
        }
    }
}
