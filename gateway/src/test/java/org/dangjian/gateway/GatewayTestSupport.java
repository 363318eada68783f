package org.dangjian.gateway;

import java.time.Duration;

import org.dangjian.gateway.support.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the gateway's test classes share: the identity provider stand-in and a client on the gateway's port. */
abstract class GatewayTestSupport {

    static final TestIdentityProvider IDP = TestIdentityProvider.get();

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void bindClient() {
        client = WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    static void identityProperties(DynamicPropertyRegistry registry) {
        registry.add("dangjian.identity.issuer", IDP::issuer);
        registry.add("dangjian.identity.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
    }
}
