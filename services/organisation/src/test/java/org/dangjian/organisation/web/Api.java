package org.dangjian.organisation.web;

import java.util.Map;

import org.dangjian.testsupport.JsonApi;

/** The test-support HTTP client with the organisation service's own helpers. */
final class Api extends JsonApi {

    Api(String base) {
        super(base);
    }

    /** POST /units: establishes a unit ({@code parentId} and {@code reason} may be null). */
    Response establish(String token, String kind, String name, String parentId, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return post("/units", token, body, Map.of());
    }

    /** Establishes a unit that must be accepted, and answers its id. */
    String established(String token, String kind, String name, String parentId) {
        Response created = establish(token, kind, name, parentId, null);
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }
}
