package org.dangjian.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A department's webhook endpoint for tests: an HTTP server on a free loopback port that records every post (headers
 * and body) and answers with the status its {@code answer} gives for each (e.g. 500, 500, then 204).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One post as received. */
    public record Post(Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private volatile IntSupplier answer;

    public WebhookReceiver(IntSupplier answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            posts.add(new Post(Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(this.answer.getAsInt(), -1);
            exchange.close();
        });
        server.start();
    }

    /** Changes how the next posts are answered. */
    public void answer(IntSupplier answer) {
        this.answer = answer;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
