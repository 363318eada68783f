package org.dangjian.runtime.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/readmodels}, for operators ({@code PLATFORM_OPERATOR}):
 * <ul>
 *   <li>{@code GET /actuator/readmodels}: every read model and reaction, its kind, topics, declared types, lag and
 *       number of parked aggregates, and for a read model rebuilt since the process started its {@code rebuild}:
 *       {@code state} ({@code RUNNING} or {@code DONE}), {@code requestedAt}, {@code finishedAt} (when done),
 *       {@code eventsTotal} and {@code eventsConsumed} ({@link ConsumerRunner.RebuildProgress});</li>
 *   <li>{@code GET /actuator/readmodels/{name}}: the same for one, with each parked aggregate (service, id, reason,
 *       sequence, error, since, attempts, held events);</li>
 *   <li>{@code POST /actuator/readmodels/{name}}: drops a read model and rebuilds it from the start of its topics
 *       (202; 409 for a reaction, which is never replayed);</li>
 *   <li>{@code POST /actuator/readmodels/{name}/{service}/{aggregateId}/retry}: retries a parked aggregate now;</li>
 *   <li>{@code POST /actuator/readmodels/{name}/{service}/{aggregateId}/skip}: passes over the event it is parked at
 *       (for a gap: accepts the missing events as missing) and applies the held ones; logged.</li>
 * </ul>
 * While a model rebuilds, its queries answer from what it has rebuilt so far.
 */
@Endpoint(id = "readmodels")
public class ReadModelsEndpoint {

    private final ConsumerRunners runners;

    public ReadModelsEndpoint(ConsumerRunners runners) {
        this.runners = runners;
    }

    @ReadOperation
    public Map<String, Object> readModels() {
        Map<String, Object> all = new LinkedHashMap<>();
        runners.all().forEach(r -> all.put(r.name(), summary(r)));
        return all;
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> readModel(@Selector String name) {
        return runners.named(name)
                .map(runner -> {
                    Map<String, Object> details = summary(runner);
                    details.put("parkedAggregates", runner.parked().stream().map(p -> {
                        Map<String, Object> one = new LinkedHashMap<>();
                        one.put("service", p.service());
                        one.put("aggregateId", p.aggregateId());
                        one.put("reason", p.reason().name());
                        one.put("sequence", p.sequence());
                        one.put("error", p.error());
                        one.put("since", p.since().toString());
                        one.put("attempts", p.attempts());
                        one.put("heldEvents", Math.max(0, p.heldTo() - p.heldFrom() + 1));
                        return one;
                    }).toList());
                    return new WebEndpointResponse<>(details, 200);
                })
                .orElseGet(() -> unknown(name));
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> rebuild(@Selector String name) {
        return runners.named(name)
                .map(runner -> {
                    if (!runner.consumer().rebuildable()) {
                        return new WebEndpointResponse<Map<String, Object>>(Map.of("error", name + (runner.consumer().kind() == EventConsumer.Kind.REACTION
                                ? " is a reaction: replaying it would send its commands again; only read models are rebuilt"
                                : " is a journal numbered as events arrived: a rebuild would number it anew, so it is never rebuilt")), 409);
                    }
                    runner.requestRebuild();
                    return new WebEndpointResponse<Map<String, Object>>(Map.of("readModel", name, "rebuilding", true), 202);
                })
                .orElseGet(() -> unknown(name));
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> resume(@Selector String name, @Selector String service, @Selector String aggregateId,
                                                           @Selector String action) {
        if (!action.equals("retry") && !action.equals("skip")) {
            return new WebEndpointResponse<>(Map.of("error", "Unknown action " + action, "actions", List.of("retry", "skip")), 404);
        }
        return runners.named(name)
                .map(runner -> {
                    boolean found = action.equals("skip") ? runner.skip(service, aggregateId) : runner.retry(service, aggregateId);
                    return found
                            ? new WebEndpointResponse<Map<String, Object>>(Map.of("readModel", name, "service", service,
                                    "aggregateId", aggregateId, "action", action), 202)
                            : new WebEndpointResponse<Map<String, Object>>(Map.of("error", name + " has not parked " + service + " "
                                    + aggregateId), 404);
                })
                .orElseGet(() -> unknown(name));
    }

    private WebEndpointResponse<Map<String, Object>> unknown(String name) {
        return new WebEndpointResponse<>(Map.of("error", "No read model or reaction named " + name,
                "readModels", runners.all().stream().map(ConsumerRunner::name).toList()), 404);
    }

    private static Map<String, Object> summary(ConsumerRunner runner) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", switch (runner.consumer().kind()) {
            case READ_MODEL -> "read-model";
            case REACTION -> "reaction";
            case WITNESS -> "witness";
        });
        summary.put("topics", runner.topics());
        summary.put("types", List.copyOf(new java.util.TreeSet<>(runner.consumer().subscription().types().keySet())));
        summary.put("lag", runner.lag());
        summary.put("parked", runner.parkedCount());
        runner.rebuildProgress().ifPresent(progress -> summary.put("rebuild", rebuild(progress)));
        return summary;
    }

    private static Map<String, Object> rebuild(ConsumerRunner.RebuildProgress progress) {
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("state", progress.state().name());
        rebuild.put("requestedAt", progress.requestedAt().toString());
        if (progress.finishedAt() != null) {
            rebuild.put("finishedAt", progress.finishedAt().toString());
        }
        rebuild.put("eventsTotal", progress.eventsTotal());
        rebuild.put("eventsConsumed", progress.eventsConsumed());
        return rebuild;
    }
}
