package org.dangjian.conformance;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link ServiceConformanceTest} needs of a service: one command that creates an aggregate (the server chooses
 * its id), one query of it, and its hash-chain verification.
 *
 * @param createPath       the command's path, answered 201 or 200 with {@code {"id", "sequence"}}, e.g. {@code /units}
 * @param createBody       a valid body for it, without an id (the server chooses one, so the body can be sent again)
 * @param otherBody        another valid body, a different request (to reuse a key for)
 * @param wrongTypeBody    the same body with a field of the wrong kind (answered 400)
 * @param creatorRole      a role that may send the command
 * @param forbiddenRole    a signed-in role that may not
 * @param queryPath        a query of the created aggregate, {@code {id}} in place of its id, taking {@code minSequence},
 *                         answered 404 for an unknown id, e.g. {@code /units/{id}}
 * @param verificationPath the aggregate's hash-chain verification, {@code {id}} in place of its id
 * @param unknownId        an id of the right form that names nothing
 */
public record ConformanceSample(String createPath, Map<String, Object> createBody, Map<String, Object> otherBody,
                                Map<String, Object> wrongTypeBody, String creatorRole,
                                String forbiddenRole, String queryPath, String verificationPath, String unknownId) {

    public ConformanceSample {
        Objects.requireNonNull(createPath);
        createBody = Map.copyOf(createBody);
        otherBody = Map.copyOf(otherBody);
        wrongTypeBody = Map.copyOf(wrongTypeBody);
        if (!queryPath.contains("{id}") || !verificationPath.contains("{id}")) {
            throw new IllegalArgumentException("queryPath and verificationPath name the aggregate as {id}");
        }
    }

    String query(String id) {
        return queryPath.replace("{id}", id);
    }

    String verification(String id) {
        return verificationPath.replace("{id}", id);
    }
}
