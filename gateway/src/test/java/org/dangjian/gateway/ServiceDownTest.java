package org.dangjian.gateway;

import org.dangjian.gateway.support.StubService;
import org.dangjian.gateway.support.TestIdentityProvider.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway while the organisation service is down (nothing listens at its address). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceDownTest extends GatewayTestSupport {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        identityProperties(registry);
        registry.add("DANGJIAN_ORGANISATION_URL", StubService::deadUrl);
    }

    @Test
    void requestToAServiceThatIsDownGets503Problem() {
        client.get().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.type").isEqualTo("urn:dangjian:problem:service-unavailable")
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.instance").isEqualTo("/api/organisation/units");
    }

    @Test
    void gatewayStaysReadyWhileAServiceIsDownAndHealthShowsWhich() {
        client.get().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness")
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.components.services.components.organisation.status").isEqualTo("DOWN");
    }
}
