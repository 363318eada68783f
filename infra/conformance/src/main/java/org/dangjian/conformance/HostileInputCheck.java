package org.dangjian.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.dangjian.runtime.security.AccessRules;
import org.dangjian.runtime.security.Roles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends every {@link HostileRequests} request of every endpoint, as a client allowed to call it, and collects what
 * breaks the platform's promises: a 5xx; an error that is not problem+json with a stable code; an event stored for a
 * refused request. Used straight against a service (the conformance test) and through the gateway (system tests).
 */
public final class HostileInputCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_FINDINGS = 40;

    private final RawHttp http;
    private final String prefix;
    private final Function<String, String> tokenForRole;
    private final LongSupplier storedEvents;

    /**
     * @param prefix       before every path ({@code ""} at the service, {@code /api/<service>} at the gateway)
     * @param tokenForRole an access token of a role
     * @param storedEvents how many events the service's store holds now
     */
    public HostileInputCheck(RawHttp http, String prefix, Function<String, String> tokenForRole, LongSupplier storedEvents) {
        this.http = http;
        this.prefix = prefix;
        this.tokenForRole = tokenForRole;
        this.storedEvents = storedEvents;
    }

    /** The outcome: how many requests were sent, and what broke. */
    public record Outcome(int sent, Map<Integer, Integer> statuses, List<String> findings) {
    }

    public Outcome run(JsonNode openApi, long seed, int randomCasesPerEndpoint) {
        return run(openApi, seed, randomCasesPerEndpoint, Integer.MAX_VALUE);
    }

    /** The same, with every hand-picked value of at most {@code fieldsPerBody} properties per body ({@link HostileRequests#of}). */
    public Outcome run(JsonNode openApi, long seed, int randomCasesPerEndpoint, int fieldsPerBody) {
        return run(openApi, seed, randomCasesPerEndpoint, fieldsPerBody, 1);
    }

    /**
     * The same, each endpoint getting one in {@code oneIn} of each hand-picked list, a share chosen by the seed
     * ({@link HostileRequests#HostileRequests(JsonNode, long, int)}).
     */
    public Outcome run(JsonNode openApi, long seed, int randomCasesPerEndpoint, int fieldsPerBody, int oneIn) {
        ApiDescription api = ApiDescription.of(openApi);
        HostileRequests generator = new HostileRequests(openApi, seed, oneIn);
        List<String> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int sent = 0;
        long stored = storedEvents.getAsLong(); // the requests go one at a time: what one leaves is what the next finds
        for (ApiDescription.Endpoint endpoint : api.endpoints()) {
            String role = endpoint.access() == null || endpoint.access().contains(AccessRules.SIGNED_IN) ? Roles.PLATFORM_OPERATOR
                    : endpoint.access().get(0);
            String token = tokenForRole.apply(role);
            for (HostileRequests.Request request : generator.of(endpoint, prefix, randomCasesPerEndpoint, fieldsPerBody)) {
                Map<String, byte[]> headers = new LinkedHashMap<>(request.headers());
                headers.put("Authorization", ("Bearer " + token).getBytes(StandardCharsets.US_ASCII));
                long before = stored;
                RawHttp.Answer answer;
                try {
                    answer = http.send(request.method(), request.target(), headers, request.body());
                } catch (RuntimeException e) {
                    findings.add(endpoint.name() + " [" + request.description() + "]: no answer (" + e.getMessage() + ")");
                    stored = storedEvents.getAsLong();
                    continue;
                }
                sent++;
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = check(answer);
                stored = storedEvents.getAsLong();
                if (problem == null && answer.status() >= 400 && stored != before) {
                    problem = "refused with " + answer.status() + " but an event was stored";
                }
                if (problem != null && findings.size() < MAX_FINDINGS) {
                    findings.add(endpoint.name() + " [" + request.description() + "] -> " + problem);
                }
            }
        }
        return new Outcome(sent, statuses, findings);
    }

    /** What is wrong with an answer, or null. */
    static String check(RawHttp.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return status + " " + RawHttp.abbreviate(answer.text());
        }
        if (status < 400) {
            return null;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return status + " answered as " + type + ": " + RawHttp.abbreviate(answer.text());
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (body.path("status").asInt() != status || !body.path("code").asString().matches("[A-Z][A-Z0-9_]*")
                    || body.path("detail").asString().isBlank() || body.path("title").asString().isBlank()) {
                return status + " problem without status, code, title or detail: " + RawHttp.abbreviate(answer.text());
            }
        } catch (RuntimeException e) {
            return status + " problem+json that is not JSON: " + RawHttp.abbreviate(answer.text());
        }
        return null;
    }
}
