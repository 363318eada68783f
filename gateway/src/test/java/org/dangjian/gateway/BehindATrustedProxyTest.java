package org.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.dangjian.gateway.support.StubService;
import org.dangjian.gateway.support.StubService.Received;
import org.dangjian.gateway.support.TestIdentityProvider.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway behind a proxy of one's own ({@code trusted-proxies} names its address, here loopback): the gateway
 * takes the client's address, scheme and host from that proxy's headers, and tells the service its own view of the
 * request, built from them, in one value per header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class BehindATrustedProxyTest extends GatewayTestSupport {

    static final StubService ORGANISATION = StubService.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        identityProperties(registry);
        registry.add("DANGJIAN_ORGANISATION_URL", ORGANISATION::url);
    }

    @AfterAll
    static void stopService() {
        ORGANISATION.close();
    }

    @Test
    void theServiceLearnsWhatTheTrustedProxySaidAboutTheClient() {
        client.get().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("张丽", "PARTY_MEMBER"))))
                .header("X-Forwarded-For", "198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "dangjian.example.org")
                .exchange()
                .expectStatus().isOk();

        List<Received> received = ORGANISATION.requestsTo("/units");
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.headerValues("X-Forwarded-For")).containsExactly("198.51.100.7");
        assertThat(request.headerValues("X-Forwarded-Proto")).containsExactly("https");
        assertThat(request.headerValues("X-Forwarded-Host")).containsExactly("dangjian.example.org");
        assertThat(request.headerValues("X-Forwarded-Port")).containsExactly("443");
        assertThat(request.headerValues("X-Forwarded-Prefix")).containsExactly("/api/organisation");
        assertThat(request.headerValues("Forwarded")).isEmpty();
    }
}
