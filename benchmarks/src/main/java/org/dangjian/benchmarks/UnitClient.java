package org.dangjian.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's API as a web client uses it, at a base URL (the gateway's {@code /api/organisation} or
 * {@code /api/members}, or the service's own port): a command with its {@code Idempotency-Key}, then the record read with
 * {@code minSequence} until it shows. 429 and 503 are counted and retried after their {@code Retry-After} (a command with the same key); any other
 * answer is counted and ends the request ({@link UnexpectedAnswer}), as does a read that never shows ({@link NotShown});
 * a connection that fails ends it with the IOException.
 */
final class UnitClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final int MAX_ATTEMPTS = 30;

    /** A command's answer: the unit, its new sequence, when the command was sent and when it was answered. */
    record Answer(String id, long sequence, long sentNanos, long answeredNanos) {
    }

    /** Neither the expected answer nor one to retry (counted in {@link AnswerCounts#errors}). */
    static final class UnexpectedAnswer extends RuntimeException {
        final int status;

        UnexpectedAnswer(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final HttpClient http;
    private final String base;
    private final String token;
    private final AnswerCounts counts;

    UnitClient(HttpClient http, String base, String token, AnswerCounts counts) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.counts = counts;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Establishes a unit ({@code parentId} null for a top-level committee). */
    Answer establish(String kind, String name, String parentId) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.put("reason", "基准测试 (benchmark)");
        return create("/units", body);
    }

    /**
     * Records an application for party membership (入党申请, {@code POST /members} of the members API) of an invented
     * person to a branch: the members service's first command of a member, one event in a new record.
     */
    Answer apply(String branchId, int number) throws IOException, InterruptedException {
        LocalDate born = LocalDate.of(1990, 1, 1).plusDays(number % 3650);
        String first17 = "110105" + born.toString().replace("-", "") + (900 + number % 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "基准申请人" + number);
        body.put("gender", number % 2 == 0 ? "FEMALE" : "MALE");
        body.put("birthDate", born.toString());
        body.put("idCardNumber", first17 + checkDigit(first17));
        body.put("branchId", branchId);
        body.put("applicationDate", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        body.put("basis", "基准测试 (benchmark)");
        return create("/members", body);
    }

    /** GB 11643 (ISO 7064 MOD 11-2) check digit of an ID-card number's first 17 digits. */
    static char checkDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** A command that creates a record (201 {@code {"id", "sequence"}}), retried with the same key after 429 or 503. */
    private Answer create(String path, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "en").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        long sent = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 201) {
                JsonNode answer = JSON.readTree(response.body());
                return new Answer(answer.path("id").asString(), answer.path("sequence").asLong(), sent, System.nanoTime());
            }
            if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                (status == 429 ? counts.commands429 : counts.commands503).increment();
                waitRetryAfter(response);
                continue;
            }
            throw unexpected("POST " + path, response);
        }
    }

    /** Reads the unit with {@code minSequence} until it shows; returns when it did ({@link System#nanoTime()}). */
    long awaitShown(String id, long sequence) throws IOException, InterruptedException {
        return awaitShown(id, sequence, Long.MAX_VALUE);
    }

    /**
     * Reads the unit with {@code minSequence} until it shows, asking again after each 429 or 503 up to
     * {@value #MAX_ATTEMPTS} times or until {@code deadlineNanos}; returns when it showed ({@link System#nanoTime()}).
     *
     * @throws NotShown when it did not show in that time
     */
    long awaitShown(String id, long sequence, long deadlineNanos) throws IOException, InterruptedException {
        return awaitRead("/units/" + id + "?minSequence=" + sequence, deadlineNanos);
    }

    /** Reads a record at {@code path} (with its {@code minSequence}) until it shows, as {@link #awaitShown(String, long, long)}. */
    long awaitRead(String path, long deadlineNanos) throws IOException, InterruptedException {
        String what = "GET " + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en").GET().build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return System.nanoTime();
            }
            boolean behind = status == 503 && !response.body().contains("READ_MODEL_PARKED");
            if (status != 429 && !behind) {
                throw unexpected(what, response);
            }
            (status == 429 ? counts.reads429 : counts.reads503).increment();
            if (attempt == MAX_ATTEMPTS || System.nanoTime() > deadlineNanos) {
                throw new NotShown(what + " still answered " + status + " after " + attempt + " attempts");
            }
            waitRetryAfter(response);
        }
    }

    /** A read that kept being told to come back (429, 503 READ_MODEL_BEHIND) until its attempts or its time ran out. */
    static final class NotShown extends RuntimeException {
        NotShown(String message) {
            super(message);
        }
    }

    private UnexpectedAnswer unexpected(String what, HttpResponse<String> response) {
        String body = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
        String message = what + " answered " + response.statusCode() + ": " + body;
        counts.error(Integer.toString(response.statusCode()), message);
        return new UnexpectedAnswer(response.statusCode(), message);
    }

    private static void waitRetryAfter(HttpResponse<String> response) throws InterruptedException {
        long seconds = response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,4}"))
                .map(Long::parseLong).orElse(1L);
        Thread.sleep(Math.max(1, seconds) * 1000L);
    }
}
