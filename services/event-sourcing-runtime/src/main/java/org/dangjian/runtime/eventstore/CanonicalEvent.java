package org.dangjian.runtime.eventstore;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of an event that its hash covers, exactly as they are published, and the hash itself.
 *
 * <p>{@code hash = lowercase hex(SHA-256(UTF-8(JCS(object))))}, where JCS is the JSON Canonicalization Scheme
 * (RFC 8785) and {@code object} is the JSON object
 * <pre>
 * { "id", "type", "subject", "sequence", "time", "recordedtime", "actor": {"id", "role", "organisation"},
 *   "correlationid", "causationid", "data", "prevhash" }
 * </pre>
 * with absent values left out, times as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, {@code data} the event's JSON body
 * and {@code prevhash} the hash of the aggregate's previous event ({@link #GENESIS} for its first). Every one of these
 * travels with the published CloudEvent, so anyone can re-verify a chain from the topic alone; docs/event-store.md
 * has a worked example.
 */
public record CanonicalEvent(
        String id,
        String type,
        String subject,
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

    /** The canonical JSON text (RFC 8785) that is hashed. */
    public String canonicalJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("type", type);
        node.put("subject", subject);
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
        JsonNode dataNode = JSON.readTree(data);
        node.set("data", dataNode);
        node.put("prevhash", prevHash);
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not canonicalise event " + id, e);
        }
    }

    /** The event's hash: SHA-256 over the canonical JSON, lowercase hex. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time format of the canonical form and of the published time attributes. */
    public static String format(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
