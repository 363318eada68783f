package org.dangjian.runtime.eventstore;

import java.math.BigInteger;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event payloads as JSON text: written once by Jackson from the contract records, then stored, hashed and published
 * as that same text (the store keeps the text itself, not a re-encoding of it). Readers are tolerant: unknown fields
 * are ignored, so adding an optional field is not a new version.
 */
public final class EventPayloadCodec {

    /** The largest integer every JSON reader holds exactly (2^53, RFC 7493 I-JSON). */
    static final BigInteger MAX_EXACT_INTEGER = BigInteger.TWO.pow(53);

    /** Reads bodies back only to check them; one instance, made once (a mapper is costly to build). */
    private static final JsonMapper CHECKER = JsonMapper.builder().build();

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public String toJson(Object payload) {
        String json = mapper.writeValueAsString(payload);
        requireInteroperable(json);
        return json;
    }

    public <T> T fromJson(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    /**
     * Refuses a body that two correct JSON readers could read differently (RFC 7493 I-JSON, which RFC 8785 assumes):
     * the hash of an event must come out the same in every language. Numbers must be finite and integers within
     * ±2^53.
     */
    static void requireInteroperable(String json) {
        JsonNode root = CHECKER.readTree(json);
        if (!root.isObject()) {
            throw new NonInteroperablePayloadException("an event's body is a JSON object");
        }
        check(root);
    }

    private static void check(JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.bigIntegerValue().abs().compareTo(MAX_EXACT_INTEGER) > 0) {
                throw new NonInteroperablePayloadException("the integer " + node.bigIntegerValue() + " is beyond ±2^53");
            }
        } else if (node.isNumber()) {
            if (!Double.isFinite(node.doubleValue())) {
                throw new NonInteroperablePayloadException("the number " + node.asString() + " is not a finite double");
            }
        } else if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                check(child);
            }
        }
    }

    /** A body that could not be hashed the same way everywhere. */
    public static final class NonInteroperablePayloadException extends IllegalArgumentException {

        NonInteroperablePayloadException(String reason) {
            super("The event body cannot be stored: " + reason);
        }
    }
}
