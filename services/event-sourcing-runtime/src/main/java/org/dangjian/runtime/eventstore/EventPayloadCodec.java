package org.dangjian.runtime.eventstore;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event payloads as JSON: written by Jackson from the contract records, stored in MongoDB as a document (so the store
 * stays readable with any Mongo tool), published as the CloudEvent's body, and canonicalised for the hash chain.
 * Readers are tolerant: unknown fields are ignored, so adding an optional field is not a new version.
 */
public final class EventPayloadCodec {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String toJson(Object payload) {
        return mapper.writeValueAsString(payload);
    }

    public <T> T fromJson(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    public Document toDocument(String json) {
        return Document.parse(json);
    }

    public String toJson(Document payload) {
        return payload.toJson(RELAXED);
    }
}
