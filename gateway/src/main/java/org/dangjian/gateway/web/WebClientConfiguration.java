package org.dangjian.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web client (module {@code web}: Vue 3 + Element Plus, built by Vite into the {@code web} jar's
 * {@code static/}). {@code /} and its files are Spring Boot's static resources; the client's own addresses
 * ({@code /organisation/tree?unit=…}, {@code /platform/read-models}, …: the Vue router's history mode) are answered
 * with its {@code index.html} when a browser asks for a page, so a bookmark or a reload opens the same screen.
 * Such an address needs a session: without one the browser is first sent to log in, and comes back to it.
 *
 * <p>Caching: Vite names every built file after its content ({@code /assets/index-45dBjqzN.js}), so those are kept
 * a year and never revalidated; {@code index.html} is revalidated on every visit, so a new build shows at once.
 */
@Configuration(proxyBeanMethods = false)
public class WebClientConfiguration implements WebFluxConfigurer {

    /** Paths that are never the client's own screens: the gateway's and the services' endpoints. */
    static final List<String> NOT_CLIENT_PATHS = List.of("/api/", "/oauth2/", "/login", "/logout", "/actuator", "/assets/", "/error");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Bean
    RouterFunction<ServerResponse> webClientPages(@Value("classpath:/static/index.html") Resource index) {
        RequestPredicate clientPage = GET("/**").and(accept(MediaType.TEXT_HTML)).and(request -> isClientPath(request.path()));
        return RouterFunctions.route(clientPage, request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(index));
    }

    /** A screen of the client: not one of the endpoints above, and not a file (its last segment has no dot). */
    public static boolean isClientPath(String path) {
        if (NOT_CLIENT_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
