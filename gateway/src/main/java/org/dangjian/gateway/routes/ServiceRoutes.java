package org.dangjian.gateway.routes;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/**
 * One route per service of the service registry (服务注册表): id {@code <name>}, path {@code /api/<name>/**},
 * {@code StripPrefix=2} (the service serves at its root), to the URL in {@code DANGJIAN_<NAME>_URL}, else
 * {@code http://127.0.0.1:<port>}.
 *
 * <p>The routes are route definitions, like those of {@code spring.cloud.gateway.server.webflux.routes}, rather than
 * Java DSL routes: Spring Cloud Gateway applies its {@code default-filters} (rate limit, token relay, cookie removal,
 * retry) only to definitions (spring-cloud-gateway issue 263).
 */
public class ServiceRoutes implements RouteDefinitionLocator {

    private final ServiceRegistry registry;
    private final Environment environment;

    public ServiceRoutes(ServiceRegistry registry, Environment environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /** Where each service is, by name, in the registry's order. */
    public Map<String, URI> targets() {
        Map<String, URI> targets = new LinkedHashMap<>();
        for (ServiceEntry service : registry.services()) {
            targets.put(service.name(), target(service));
        }
        return targets;
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(registry.services()).map(this::route);
    }

    RouteDefinition route(ServiceEntry service) {
        RouteDefinition route = new RouteDefinition();
        route.setId(service.name());
        route.setUri(target(service));
        route.setPredicates(List.of(new PredicateDefinition("Path=" + service.route())));
        // /api/<name>/units/1 -> /units/1
        route.setFilters(List.of(new FilterDefinition("StripPrefix=2")));
        return route;
    }

    /** The service's URL: {@code DANGJIAN_<NAME>_URL} (any property source: environment, test properties), else the default. */
    private URI target(ServiceEntry service) {
        String url = environment.getProperty(service.urlVariable(), service.defaultUrl());
        try {
            return URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(service.urlVariable() + " is not a URL: " + url, e);
        }
    }
}
