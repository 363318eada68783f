package org.dangjian.runtime.eventstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.dangjian.runtime.metadata.Actor;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of an event that its hash covers, exactly as they are stored and published, and the hash itself.
 *
 * <p>{@code hash = lowercase hex(SHA-256(UTF-8(JCS(object))))}, where JCS is the JSON Canonicalization Scheme
 * (RFC 8785) and {@code object} is the JSON object
 * <pre>
 * { "id", "type", "subject", "aggregatetype", "sequence", "time", "recordedtime",
 *   "actor": {"id", "role", "organisation"?}, "correlationid"?, "causationid"?, "data", "prevhash" }
 * </pre>
 * with absent ({@code ?}) values left out, times as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, {@code data} the event's
 * JSON body exactly as stored and published (the text is parsed by the canonicaliser itself, so what is hashed is
 * what a consumer receives) and {@code prevhash} the hash of the aggregate's previous event ({@link #GENESIS} for its
 * first). Every one of these travels with the published CloudEvent; docs/event-store.md defines the rule with two
 * worked examples.
 */
public record CanonicalEvent(
        String id,
        String type,
        String subject,
        String aggregateType,
        long sequence,
        Instant time,
        Instant recordedTime,
        Actor actor,
        String correlationId,
        String causationId,
        String data,
        String prevHash) {

    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper STRICT = JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The canonical JSON text (RFC 8785) that is hashed. */
    public String canonicalJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("type", type);
        node.put("subject", subject);
        node.put("aggregatetype", aggregateType);
        node.put("sequence", sequence);
        node.put("time", format(time));
        node.put("recordedtime", format(recordedTime));
        ObjectNode actorNode = node.putObject("actor");
        actorNode.put("id", actor.id());
        actorNode.put("role", actor.role());
        if (actor.organisation() != null) {
            actorNode.put("organisation", actor.organisation());
        }
        if (correlationId != null) {
            node.put("correlationid", correlationId);
        }
        if (causationId != null) {
            node.put("causationid", causationId);
        }
        node.put("prevhash", prevHash);
        requireOneObject(data);
        String withoutData = JSON.writeValueAsString(node);
        // the body goes in as the very text that is stored and published, for the canonicaliser to parse
        String object = withoutData.substring(0, withoutData.length() - 1) + ",\"data\":" + data + "}";
        try {
            return new JsonCanonicalizer(object).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Event " + id + " cannot be canonicalised (RFC 8785): " + e.getMessage(), e);
        }
    }

    /** The body is spliced in as text, so it must be exactly one JSON object and nothing else. */
    private void requireOneObject(String body) {
        try {
            if (body == null || !STRICT.readTree(body).isObject()) {
                throw new IllegalArgumentException("Event " + id + ": the body is not a JSON object");
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Event " + id + ": the body is not exactly one JSON object", e);
        }
    }

    /** The event's hash: SHA-256 over the canonical JSON, lowercase hex. */
    public String hash() {
        return sha256(canonicalJson());
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time format of the canonical form and of the published {@code recordedtime}. */
    public static String format(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
