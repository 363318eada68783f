package org.dangjian.testsupport;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent-events client for tests, as a department's program would be one: it opens {@code text/event-stream}
 * with a bearer token and, when given, {@code Last-Event-ID}, and parses the stream (RFC text/event-stream: {@code id:},
 * {@code event:}, {@code data:} lines, an empty line ends an event, {@code :} a comment) on a thread of its own.
 * {@link #close()} drops the connection, as a client that goes away does.
 */
public final class SseClient implements AutoCloseable {

    /** One event as received: its id (null when it had none), its name ({@code message} by default) and its data. */
    public record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final int status;
    private final String contentType;
    private final String body;
    private final Stream<String> lines;
    private final Thread reader;

    public SseClient(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.lines = response.body();
        if (status != 200) {
            this.body = String.join("\n", lines.limit(200).toList());
            this.reader = null;
            return;
        }
        this.body = null;
        Thread thread = new Thread(this::read, "sse-client");
        thread.setDaemon(true);
        thread.start();
        this.reader = thread;
    }

    private void read() {
        String id = null;
        String name = null;
        List<String> data = new ArrayList<>();
        try {
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name == null ? "message" : name, String.join("\n", data)));
                    }
                    id = null;
                    name = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    continue;
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).startsWith(" ") ? line.substring(colon + 2) : line.substring(colon + 1);
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.add(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the connection was closed
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body of an answer that was not a stream (a problem+json), else null. */
    public String body() {
        return body;
    }

    /** The next event, waiting up to {@code within}; null when none came. */
    public Event next(Duration within) {
        try {
            return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next {@code count} events, each within {@code each}; fails naming how many came. */
    public List<Event> take(int count, Duration each) {
        List<Event> taken = new ArrayList<>();
        while (taken.size() < count) {
            Event event = next(each);
            if (event == null) {
                throw new AssertionError("expected " + count + " events, " + taken.size() + " came: " + taken);
            }
            taken.add(event);
        }
        return taken;
    }

    @Override
    public void close() {
        lines.close();
        if (reader != null) {
            reader.interrupt();
        }
    }
}
