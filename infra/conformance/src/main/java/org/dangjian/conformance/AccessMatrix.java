package org.dangjian.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Every role (and no token at all) against every endpoint of a service's OpenAPI document, checked against the
 * endpoint's declared rule ({@code x-dangjian-access}, from its {@code @PreAuthorize}): without a token 401; a role
 * the rule names gets past security (any answer but 401 and 403); any other role 403 {@code FORBIDDEN}. An endpoint
 * that declares no rule is a finding, so a new endpoint cannot be added without one.
 */
public final class AccessMatrix {

    private final RawHttp http;
    private final String prefix;
    private final Function<String, String> tokenForRole;

    public AccessMatrix(RawHttp http, String prefix, Function<String, String> tokenForRole) {
        this.http = http;
        this.prefix = prefix;
        this.tokenForRole = tokenForRole;
    }

    /** The findings, and the matrix as checked ({@code endpoint -> role -> status}). */
    public record Outcome(Map<String, Map<String, Integer>> matrix, List<String> findings) {
    }

    public Outcome run(JsonNode openApi, List<String> roles) {
        ApiDescription api = ApiDescription.of(openApi);
        HostileRequests bodies = new HostileRequests(openApi, 1);
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        for (ApiDescription.Endpoint endpoint : api.endpoints()) {
            if (endpoint.access() == null) {
                findings.add(endpoint.name() + " declares no access rule (@PreAuthorize with hasRole, hasAnyRole or Roles.SIGNED_IN)");
                continue;
            }
            Map<String, Integer> row = new LinkedHashMap<>();
            int anonymous = send(endpoint, null, bodies);
            row.put("(no token)", anonymous);
            if (anonymous != 401) {
                findings.add(endpoint.name() + " without a token answered " + anonymous + ", not 401");
            }
            for (String role : roles) {
                int status = send(endpoint, tokenForRole.apply(role), bodies);
                row.put(role, status);
                boolean allowed = endpoint.allows(role);
                if (allowed && (status == 401 || status == 403)) {
                    findings.add(endpoint.name() + " refused " + role + " (" + status + ") though its rule " + endpoint.access() + " allows it");
                } else if (!allowed && status != 403) {
                    findings.add(endpoint.name() + " answered " + role + " with " + status + " though its rule " + endpoint.access()
                            + " does not allow it");
                }
            }
            matrix.put(endpoint.name(), row);
        }
        return new Outcome(matrix, findings);
    }

    private int send(ApiDescription.Endpoint endpoint, String token, HostileRequests bodies) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", ("Bearer " + token).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] body = null;
        if (endpoint.body() != null) {
            headers.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
            body = bodies.validBody(endpoint.body()).toString().getBytes(StandardCharsets.UTF_8);
        }
        return http.send(endpoint.method(), prefix + endpoint.validPath(UUID.randomUUID().toString()), headers, body).status();
    }
}
