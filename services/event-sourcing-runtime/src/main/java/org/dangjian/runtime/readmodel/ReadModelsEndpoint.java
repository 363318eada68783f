package org.dangjian.runtime.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/readmodels}: each read model's lag; {@code POST /actuator/readmodels/{name}} drops it and rebuilds
 * it from the start of the topic (replay). Operators only ({@code PLATFORM_OPERATOR}). While a model rebuilds its
 * queries answer from what it has rebuilt so far.
 */
@Endpoint(id = "readmodels")
public class ReadModelsEndpoint {

    private final ReadModelRunners runners;

    public ReadModelsEndpoint(ReadModelRunners runners) {
        this.runners = runners;
    }

    @ReadOperation
    public Map<String, Object> readModels() {
        Map<String, Object> models = new LinkedHashMap<>();
        runners.all().forEach(r -> models.put(r.name(), Map.of("lag", r.lag())));
        return models;
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> rebuild(@Selector String name) {
        return runners.named(name)
                .map(runner -> {
                    runner.requestRebuild();
                    return new WebEndpointResponse<Map<String, Object>>(Map.of("readModel", name, "rebuilding", true), 202);
                })
                .orElseGet(() -> new WebEndpointResponse<>(Map.of("error", "No read model named " + name,
                        "readModels", runners.all().stream().map(ReadModelRunner::name).toList()), 404));
    }
}
