package org.dangjian.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, bytes exactly as given: a request target no URI class would accept ({@code [$ne]},
 * {@code %c0%ae}), header values with any bytes, bodies that are not UTF-8. What hostile clients send, and what
 * {@link java.net.http.HttpClient} refuses to.
 */
public final class RawHttp {

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** An answer: status, headers (names in lower case), body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code method target HTTP/1.1} with the headers (their values as ISO-8859-1 bytes, so any byte can be
     * sent) and the body; {@code Host}, {@code Content-Length} and {@code Connection: close} are added.
     */
    public Answer send(String method, String target, Map<String, byte[]> headers, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            headers.forEach((name, value) -> {
                request.writeBytes((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(value);
                request.writeBytes(new byte[] {'\r', '\n'});
            });
            boolean large = body != null && body.length > EXPECT_CONTINUE_ABOVE;
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (large) {
                // as curl does: ask first, so that a server refusing the body (413) can say so before it is sent
                request.writeBytes("Expect: 100-continue\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes(new byte[] {'\r', '\n'});
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (!large) {
                if (body != null) {
                    request.writeBytes(body);
                }
                out.write(request.toByteArray());
                out.flush();
                return read(in.readAllBytes());
            }
            out.write(request.toByteArray());
            out.flush();
            byte[] interim;
            socket.setSoTimeout(10_000);
            try {
                interim = readHead(in);
            } catch (java.net.SocketTimeoutException silent) {
                interim = "HTTP/1.1 100 (no answer: sent anyway, as curl does)\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            }
            socket.setSoTimeout(60_000);
            if (new String(interim, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100")) {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException closed) {
                    // refused while it was being sent: its answer is what counts
                }
                return read(in.readAllBytes());
            }
            return read(concat(interim, in.readAllBytes())); // a final answer instead of 100 Continue
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + method + " " + abbreviate(target) + ": " + e, e);
        }
    }

    private static final int EXPECT_CONTINUE_ABOVE = 1024 * 1024;

    /** The bytes up to and including the first blank line. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Answer read(byte[] all) throws IOException {
        int end = indexOf(all, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        if (end < 0) {
            throw new IOException("The connection closed without a complete answer (" + all.length + " bytes)");
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            at = lineEnd + 2;
            out.write(chunked, at, Math.min(length, chunked.length - at));
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
