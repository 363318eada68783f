package org.dangjian.audit.integrity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Asks a service what its event store holds of a stream ({@code GET <service>/streams/{id}}, offered by every service's
 * runtime), with the auditor's own token. Where each service is: {@code dangjian.audit.stores.<service>}, else its
 * registry variable {@code DANGJIAN_<NAME>_URL}, else {@code http://127.0.0.1:<port>} from the registry.
 */
@Component
public class StoreClient {

    /** What the store holds, or why it could not be asked. */
    public record StoreState(boolean reachable, boolean found, long headSequence, String headHash, boolean intact, String problem,
                             Long brokenAtSequence, String error) {

        static StoreState unreachable(String error) {
            return new StoreState(false, false, -1, null, false, null, null, error);
        }
    }

    private final Environment environment;
    private final ServiceRegistry registry;
    private final RestClient http;

    public StoreClient(Environment environment) {
        this.environment = environment;
        this.registry = ServiceRegistry.load();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    public Optional<String> urlOf(String service) {
        String configured = environment.getProperty("dangjian.audit.stores." + service);
        if (configured != null) {
            return Optional.of(configured);
        }
        return registry.find(service).map(entry -> Optional.ofNullable(environment.getProperty(entry.urlVariable())).orElse(entry.defaultUrl()));
    }

    public StoreState stream(String service, String aggregateId, String bearerToken) {
        Optional<String> url = urlOf(service);
        if (url.isEmpty()) {
            return StoreState.unreachable("no address known for service " + service);
        }
        try {
            return http.get().uri(url.get() + "/streams/{id}", Map.of("id", aggregateId)).header("Authorization", "Bearer " + bearerToken)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.value() == 404) {
                            return new StoreState(true, false, -1, null, false, null, null, null);
                        }
                        if (!status.is2xxSuccessful()) {
                            return StoreState.unreachable(service + " answered " + status.value());
                        }
                        JsonNode body = response.bodyTo(JsonNode.class);
                        JsonNode verification = body.path("verification");
                        return new StoreState(true, true, body.path("headSequence").asLong(), body.path("headHash").asString(),
                                verification.path("intact").asBoolean(), verification.path("problem").asString(null),
                                verification.path("brokenAtSequence").isNumber() ? verification.path("brokenAtSequence").asLong() : null, null);
                    });
        } catch (RestClientException e) {
            return StoreState.unreachable(service + " did not answer: " + e.getMessage());
        }
    }

    /** A stream's head in a store. */
    public record Head(long headSequence, String headHash) {
    }

    /** What a store holds of many streams at once ({@code POST <service>/streams/heads}, 1,000 a request); empty when unreachable. */
    public java.util.Optional<Map<String, Head>> heads(String service, java.util.List<String> aggregateIds, String bearerToken) {
        Optional<String> url = urlOf(service);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Head> heads = new java.util.HashMap<>();
        try {
            for (int from = 0; from < aggregateIds.size(); from += 1000) {
                java.util.List<String> chunk = aggregateIds.subList(from, Math.min(aggregateIds.size(), from + 1000));
                JsonNode body = http.post().uri(url.get() + "/streams/heads").header("Authorization", "Bearer " + bearerToken)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Map.of("aggregateIds", chunk))
                        .retrieve().body(JsonNode.class);
                for (JsonNode head : body.path("heads")) {
                    heads.put(head.path("aggregateId").asString(), new Head(head.path("headSequence").asLong(), head.path("headHash").asString()));
                }
            }
            return Optional.of(heads);
        } catch (RestClientException e) {
            return Optional.empty();
        }
    }
}
