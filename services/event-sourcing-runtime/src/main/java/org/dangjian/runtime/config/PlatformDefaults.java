package org.dangjian.runtime.config;

import java.util.HashMap;
import java.util.Map;

import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, at the lowest precedence (a service's application.yml or the environment overrides
 * them), so that each service's own configuration stays a few keys: often only {@code dangjian.service.name}.
 *
 * <p>The name also picks the service's entry in the service registry (服务注册表, {@link ServiceRegistry}): its port
 * defaults to {@code ${DANGJIAN_<NAME>_PORT:<the entry's port>}}, the variable the launcher and docker-compose.yml set.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("axon.axonserver.enabled", "false");
        defaults.put("axon.update-check.disabled", "true");
        defaults.put("axon.serializer.general", "jackson");
        // Axon's handler time limits capture a stack trace on every handler call; commands here are bounded by HTTP timeouts
        defaults.put("axon.timeout.enabled", "false");
        // an observation (timer, tags) around each of the ~15 security filters of every request costs more than it tells
        defaults.put("management.observations.enable.spring.security", "false");
        // a service is reached through the gateway only: on the embedded default it listens on loopback, and it takes
        // X-Forwarded-* (client address, scheme, host, port, prefix) from the gateway's address only, never from anyone
        defaults.put("server.address", "${DANGJIAN_BIND_ADDRESS:127.0.0.1}");
        defaults.put("server.forward-headers-strategy", "none"); // TrustedForwardedHeaders applies them, from the gateway only
        defaults.put("dangjian.web.trusted-proxies", "${DANGJIAN_TRUSTED_PROXIES:127\\.0\\.0\\.1|0:0:0:0:0:0:0:1}");
        defaults.put("server.max-http-request-header-size", "16KB");
        defaults.put("dangjian.security.audiences", "${DANGJIAN_AUDIENCE:dangjian}");
        defaults.put("server.shutdown", "graceful");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,readmodels");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.roles", "PLATFORM_OPERATOR");
        defaults.put("management.health.kafka.enabled", "false");
        defaults.put("management.health.mongodb.enabled", "false"); // EventSourcingHealthIndicator pings the service's database instead
        defaults.put("management.metrics.tags.service", "${dangjian.service.name:unknown}");
        defaults.put("logging.pattern.correlation", "[%X{correlationId:-}] ");
        defaults.put("spring.mvc.problemdetails.enabled", "false"); // PlatformExceptionHandler answers every error
        defaults.put("spring.web.locale", "zh_CN");
        defaults.put("spring.web.locale-resolver", "accept-header");
        defaults.put("springdoc.api-docs.path", "/v3/api-docs");
        defaults.put("dangjian.security.jwk-set-uri", "${DANGJIAN_ISSUER_INTERNAL:${DANGJIAN_ISSUER:http://localhost:9000}}/oauth2/jwks");
        defaults.put("dangjian.security.issuer", "${DANGJIAN_ISSUER:http://localhost:9000}");
        String service = environment.getProperty("dangjian.service.name");
        if (service != null) {
            defaults.put("spring.application.name", service);
            ServiceRegistry.load().find(service).ifPresent(entry -> defaults.put("server.port", port(entry)));
        }
        defaults.put("spring.mongodb.uri", "${DANGJIAN_MONGO_URI:mongodb://localhost:27017}");
        defaults.put("spring.kafka.bootstrap-servers", "${DANGJIAN_KAFKA:localhost:9092}");
        environment.getPropertySources().addLast(new MapPropertySource("dangjian-platform-defaults", defaults));
    }

    /** {@code ${DANGJIAN_<NAME>_PORT:<port>}}: the variable wins, else the registry's port. */
    static String port(ServiceEntry entry) {
        return "${" + entry.portVariable() + ":" + entry.port() + "}";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
