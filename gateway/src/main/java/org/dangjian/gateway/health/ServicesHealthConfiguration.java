package org.dangjian.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.channel.ChannelOption;
import org.dangjian.gateway.routes.ServiceRoutes;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Health contributor {@code services}: the readiness of every service in the service registry, by name, at the
 * URL the gateway routes to ({@code GET <service>/actuator/health/readiness}). It shows in
 * {@code /actuator/health}, but is not part of the gateway's own readiness group: a gateway whose services are
 * down should still take traffic and answer 503 for them, rather than be taken out of rotation itself.
 */
@Configuration(proxyBeanMethods = false)
public class ServicesHealthConfiguration {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    CompositeReactiveHealthContributor servicesHealthContributor(ServiceRoutes routes) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .responseTimeout(TIMEOUT);
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        Map<String, ReactiveHealthIndicator> services = new LinkedHashMap<>();
        routes.targets().forEach((name, uri) -> {
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                services.put(name, new ServiceReadiness(client, uri));
            }
        });
        return CompositeReactiveHealthContributor.fromMap(services);
    }

    /** One service's readiness, UP only when it answers 2xx in time. */
    static final class ServiceReadiness implements ReactiveHealthIndicator {

        private final WebClient client;
        private final URI readiness;

        ServiceReadiness(WebClient client, URI service) {
            this.client = client;
            String base = service.toString();
            this.readiness = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                    + "/actuator/health/readiness");
        }

        @Override
        public Mono<Health> health() {
            return client.get().uri(readiness)
                    .exchangeToMono(response -> response.releaseBody().thenReturn(
                            response.statusCode().is2xxSuccessful()
                                    ? Health.up().build()
                                    : Health.down().withDetail("status", response.statusCode().value()).build()))
                    .timeout(TIMEOUT.plusMillis(500))
                    .onErrorResume(error -> Mono.just(Health.down().withDetail("error", error.getClass().getSimpleName()).build()));
        }
    }
}
