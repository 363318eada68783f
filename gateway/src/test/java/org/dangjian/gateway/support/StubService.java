package org.dangjian.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A downstream service stand-in (the organisation service) on the JDK's HTTP server. It records every
 * request and answers: {@code /actuator/health/readiness} UP, {@code /v3/api-docs} a tiny document,
 * {@code /slow} after three seconds, {@code /busy} 503 problem+json of its own, {@code /html-error/<status>} an
 * HTML error page with that status, {@code /empty-error/<status>} that status without a body (401 with
 * {@code WWW-Authenticate}), a query with {@code [} or {@code ]} or a path with {@code %c0} 400 HTML (as Tomcat
 * refuses them), anything else
 * 200 JSON naming the path. It echoes
 * {@code X-Correlation-Id}, as the real services do.
 */
public final class StubService implements AutoCloseable {

    /** What the service received. Header names are case-insensitive. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stub-service");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private StubService(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubService start() {
        try {
            return new StubService(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local URL where nothing listens. */
    public static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received on a path, oldest first (health probes of the gateway are recorded too). */
    public List<Received> requestsTo(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Every request received since the last {@link #clear()}, oldest first. */
    public List<Received> requests() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), headers, body));

            String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlation != null) {
                exchange.getResponseHeaders().add("X-Correlation-Id", correlation);
            }
            String query = exchange.getRequestURI().getQuery();
            if (query != null && (query.contains("[") || query.contains("]"))
                    || exchange.getRequestURI().getRawPath().toLowerCase(java.util.Locale.ROOT).contains("%c0")) {
                // as Tomcat refuses characters it does not allow in a query, and a path that is not UTF-8, before the
                // application sees the request
                html(exchange, 400, "Bad Request");
                return;
            }
            if (path.startsWith("/html-error/")) {
                html(exchange, Integer.parseInt(path.substring("/html-error/".length())), "Error");
                return;
            }
            if (path.startsWith("/empty-error/")) {
                int status = Integer.parseInt(path.substring("/empty-error/".length()));
                if (status == 401) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                }
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            if (path.equals("/busy")) {
                byte[] problem = "{\"code\":\"ORGANISATION_BUSY\",\"status\":503}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(503, problem.length);
                exchange.getResponseBody().write(problem);
                return;
            }
            String answer = switch (path) {
                case "/actuator/health/readiness" -> "{\"status\":\"UP\"}";
                case "/v3/api-docs" -> "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"organisation\"}}";
                case "/slow" -> {
                    sleep(3_000);
                    yield "{\"slow\":true}";
                }
                default -> "{\"path\":\"" + path + "\"}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** A servlet container's error page: HTML, not problem+json. */
    private static void html(HttpExchange exchange, int status, String reason) throws IOException {
        byte[] page = ("<!doctype html><html lang=\"en\"><head><title>HTTP Status " + status + " – " + reason
                + "</title></head><body><h1>HTTP Status " + status + " – " + reason + "</h1><hr><h3>Apache Tomcat</h3></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
        exchange.sendResponseHeaders(status, page.length);
        exchange.getResponseBody().write(page);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
