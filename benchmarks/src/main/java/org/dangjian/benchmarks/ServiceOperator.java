package org.dangjian.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a platform operator ({@code PLATFORM_OPERATOR}) sees of a service's read models, at the service's own port:
 * {@code /actuator/readmodels} (each model's lag: events on its topics it has not consumed yet), the Prometheus
 * counters of the events each has handled, and the rebuild ({@code POST /actuator/readmodels/{name}}).
 */
final class ServiceOperator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A handled event is applied, ignored (a type the model does not read), a duplicate or skipped: it was read past. */
    private static final Pattern HANDLED = Pattern.compile(
            "^dangjian_readmodel_events_(?:applied|ignored|duplicates|skipped)_total\\{([^}]*)}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final Pattern MODEL_TAG = Pattern.compile("model=\"([^\"]+)\"");

    private final HttpClient http;
    private final String serviceUrl;
    private final String token;

    ServiceOperator(HttpClient http, String serviceUrl, String token) {
        this.http = http;
        this.serviceUrl = serviceUrl;
        this.token = token;
    }

    /** Each read model's (and reaction's) lag, by name. */
    Map<String, Long> lags() throws IOException, InterruptedException {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> model : JSON.readTree(get("/actuator/readmodels")).properties()) {
            lags.put(model.getKey(), model.getValue().path("lag").asLong());
        }
        return lags;
    }

    /**
     * The names of the read models that read {@code topic} and nothing else (not the reactions: they are never rebuilt;
     * not a model of another service's topic, such as the organisation service's branch rosters of the members topic).
     */
    List<String> readModelsOf(String topic) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> model : JSON.readTree(get("/actuator/readmodels")).properties()) {
            List<String> topics = new ArrayList<>();
            model.getValue().path("topics").forEach(t -> topics.add(t.asString()));
            if ("read-model".equals(model.getValue().path("kind").asString()) && topics.equals(List.of(topic))) {
                names.add(model.getKey());
            }
        }
        return names;
    }

    /** Events each model has read past since the service started (applied, ignored, duplicates, skipped), by name. */
    Map<String, Long> handled() throws IOException, InterruptedException {
        Map<String, Long> handled = new LinkedHashMap<>();
        Matcher line = HANDLED.matcher(get("/actuator/prometheus"));
        while (line.find()) {
            Matcher model = MODEL_TAG.matcher(line.group(1));
            if (model.find()) {
                handled.merge(model.group(1), (long) Double.parseDouble(line.group(2)), Long::sum);
            }
        }
        return handled;
    }

    /** Drops the read model and rebuilds it from the start of its topics (the service answers at once). */
    void rebuild(String model) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/actuator/readmodels/" + model).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("rebuilding " + model + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(serviceUrl + path)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
    }
}
