package org.dangjian.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Applies {@link UsePlatformInfrastructure}: registered in {@code META-INF/spring.factories}. */
public class PlatformInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean wanted = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(UsePlatformInfrastructure.class);
        return wanted ? new PlatformInfrastructureCustomizer() : null;
    }

    /** Equal to every other instance, so Spring's context cache shares one context per configuration. */
    static final class PlatformInfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure.Endpoints endpoints = TestInfrastructure.endpoints();
            String namespace = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Map<String, Object> props = new HashMap<>();
            props.put("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
            props.put("spring.mongodb.uri", endpoints.mongoConnectionString());
            props.put("spring.mongodb.database", namespace);
            props.put("dangjian.eventing.namespace", namespace + ".");
            props.put("dangjian.security.jwk-set-uri", "");
            props.put("dangjian.security.public-key-location", TestTokens.publicKeyLocation());
            props.put("dangjian.security.issuer", TestTokens.ISSUER);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("platform-test-infrastructure", props));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PlatformInfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return PlatformInfrastructureCustomizer.class.hashCode();
        }
    }
}
