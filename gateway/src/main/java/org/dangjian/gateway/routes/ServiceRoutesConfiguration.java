package org.dangjian.gateway.routes;

import org.dangjian.registry.ServiceRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The service registry and the routes built from it; the gateway's route locator collects every such locator. */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutesConfiguration {

    @Bean
    ServiceRegistry serviceRegistry() {
        return ServiceRegistry.load();
    }

    @Bean
    ServiceRoutes serviceRoutes(ServiceRegistry registry, Environment environment) {
        return new ServiceRoutes(registry, environment);
    }
}
