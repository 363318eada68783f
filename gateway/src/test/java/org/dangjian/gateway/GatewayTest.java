package org.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dangjian.gateway.support.StubService;
import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.dangjian.gateway.support.StubService.Received;
import org.dangjian.gateway.support.TestIdentityProvider;
import org.dangjian.gateway.support.TestIdentityProvider.User;
import org.dangjian.gateway.web.WebClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of a live organisation service (a stand-in that records what it receives), with a
 * small rate limit (5 requests, 1 more a second) so that limiting can be seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dangjian.gateway.rate-limit.capacity=5",
        "dangjian.gateway.rate-limit.refill-per-second=1",
        "dangjian.gateway.cors.allowed-origins=https://web.allowed.example",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s"})
class GatewayTest extends GatewayTestSupport {

    static final StubService ORGANISATION = StubService.start();
    static final String ALLOWED_ORIGIN = "https://web.allowed.example";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        identityProperties(registry);
        registry.add("DANGJIAN_ORGANISATION_URL", ORGANISATION::url);
        // the registry's other services answer from the same stand-in (routing and health per service)
        ServiceRegistry.load().services().stream().filter(service -> !service.name().equals("organisation"))
                .forEach(service -> registry.add(service.urlVariable(), ORGANISATION::url));
    }

    @AfterAll
    static void stopService() {
        ORGANISATION.close();
    }

    @BeforeEach
    void forgetRequests() {
        ORGANISATION.clear();
    }

    @Autowired
    RouteLocator routes;

    // --- routing and token pass-through -------------------------------------------------------------

    @Test
    void everyServiceOfTheRegistryHasItsRouteWithTheDefaultFilters() {
        List<Route> all = routes.getRoutes().collectList().block();
        assertThat(all).extracting(Route::getId)
                .as("one route per registry entry, and no other")
                .containsExactlyElementsOf(ServiceRegistry.load().services().stream().map(ServiceEntry::name).toList());
        Route organisation = all.stream().filter(route -> route.getId().equals("organisation")).findFirst().orElseThrow();
        assertThat(organisation.getUri()).as("DANGJIAN_ORGANISATION_URL, set by this test").isEqualTo(URI.create(ORGANISATION.url()));
        assertThat(organisation.getFilters()).map(Object::toString)
                .as("default-filters apply to the registry's routes (rate limit, token relay, cookie removal, retry), as to"
                        + " routes of the YAML file; and each route strips /api/<name>")
                .satisfiesExactlyInAnyOrder(
                        filter -> assertThat(filter).contains("RequestRateLimiter"),
                        filter -> assertThat(filter).contains("TokenRelay"),
                        filter -> assertThat(filter).contains("RemoveRequestHeader").contains("Cookie"),
                        filter -> assertThat(filter).contains("Retry"),
                        filter -> assertThat(filter).contains("StripPrefix").contains("2"));
    }

    @Test
    void bearerRequestReachesTheServiceWithoutPrefixWithSameTokenAndACorrelationId() {
        String token = IDP.accessToken(User.unique("李明", "BRANCH_SECRETARY"));

        EntityExchangeResult<byte[]> result = client.get().uri("/api/organisation/units?parent=1")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/units")
                .returnResult();

        Received received = single(ORGANISATION.requestsTo("/units"));
        assertThat(received.query()).isEqualTo("parent=1");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        String correlationId = received.header("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        assertThat(result.getResponseHeaders().get("X-Correlation-Id")).containsExactly(correlationId);
    }

    @Test
    void aServicesActuatorIsNotReachableThroughTheGatewayExceptTheReadModelEndpoint() {
        String token = IDP.accessToken(User.unique("刘洋", "PLATFORM_OPERATOR"));

        client.get().uri("/api/organisation/actuator/prometheus")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        assertThat(ORGANISATION.requestsTo("/actuator/prometheus")).isEmpty();

        client.get().uri("/api/organisation/actuator/readmodels")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
        assertThat(ORGANISATION.requestsTo("/actuator/readmodels")).hasSize(1);
    }

    @Test
    void aSaneCorrelationIdFromTheClientIsKeptAndAnUnsafeOneIsReplaced() {
        String token = IDP.accessToken(User.unique("张丽", "PARTY_MEMBER"));

        client.get().uri("/api/organisation/tree")
                .headers(headers -> headers.setBearerAuth(token))
                .header("X-Correlation-Id", "client-run_42.a")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "client-run_42.a");
        assertThat(single(ORGANISATION.requestsTo("/tree")).header("X-Correlation-Id")).isEqualTo("client-run_42.a");

        String replaced = client.get().uri("/api/organisation/tree")
                .headers(headers -> headers.setBearerAuth(token))
                .header("X-Correlation-Id", "<script>" + "x".repeat(80))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Void.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
    }

    @Test
    void openApiDocumentIsPublicAndTheServiceLearnsItsPublicPrefix() {
        client.get().uri("/api/organisation/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");

        Received received = single(ORGANISATION.requestsTo("/v3/api-docs"));
        assertThat(received.header("X-Forwarded-Prefix")).isEqualTo("/api/organisation");
        assertThat(received.header("Authorization")).isNull();
    }

    // --- authentication -----------------------------------------------------------------------------

    @Test
    void apiRequestWithoutTokenIsRefusedWith401ProblemAndNeverRedirected() {
        client.get().uri("/api/organisation/units")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:dangjian:problem:unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.instance").isEqualTo("/api/organisation/units")
                .jsonPath("$.correlationId").isNotEmpty();
        assertThat(ORGANISATION.requestsTo("/units")).isEmpty();
    }

    @Test
    void expiredForgedOrForeignTokensAreRefusedWith401() {
        User user = User.unique("王建华", "COMMITTEE_STAFF");
        for (String token : List.of(IDP.expiredAccessToken(user), IDP.forgedAccessToken(user),
                IDP.accessTokenFromOtherIssuer(user), "not-a-jwt")) {
            client.get().uri("/api/organisation/units")
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""))
                    .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        }
        assertThat(ORGANISATION.requestsTo("/units")).isEmpty();
    }

    @Test
    void tokensThatDoNotNameThePlatformsAudienceAreRefusedWith401Problem() {
        User user = User.unique("王建华", "COMMITTEE_STAFF");
        for (String token : List.of(IDP.accessTokenForAudiences(user, "renshi-department"),
                IDP.accessTokenForAudiences(user, TestIdentityProvider.CLIENT_ID), IDP.accessTokenWithoutAudience(user))) {
            client.get().uri("/api/organisation/units")
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value)
                            .startsWith("Bearer error=\"invalid_token\"").contains("aud does not name this platform (dangjian)"))
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                    .jsonPath("$.type").isEqualTo("urn:dangjian:problem:unauthenticated")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("不是签发给本平台的"));
        }
        assertThat(ORGANISATION.requestsTo("/units")).isEmpty();

        // the platform's audience among others is enough
        client.get().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessTokenForAudiences(user, "renshi-department",
                        TestIdentityProvider.PLATFORM_AUDIENCE)))
                .exchange()
                .expectStatus().isOk();
    }

    // --- forwarded headers --------------------------------------------------------------------------

    @Test
    void forwardedHeadersAClientSendsNeverReachTheServiceOnlyTheGatewaysOwn() {
        client.get().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("张丽", "PARTY_MEMBER"))))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "for=203.0.113.66;host=evil.example;proto=https")
                .exchange()
                .expectStatus().isOk();

        Received received = single(ORGANISATION.requestsTo("/units"));
        assertThat(received.headerValues("X-Forwarded-Host")).containsExactly("localhost:" + port);
        assertThat(received.headerValues("X-Forwarded-Proto")).containsExactly("http");
        assertThat(received.headerValues("X-Forwarded-Port")).containsExactly(Integer.toString(port));
        assertThat(received.headerValues("X-Forwarded-Prefix")).containsExactly("/api/organisation");
        assertThat(received.headerValues("X-Forwarded-For")).singleElement()
                .satisfies(address -> assertThat(InetAddress.getByName(address).isLoopbackAddress()).as(address).isTrue());
        assertThat(received.headerValues("Forwarded")).isEmpty();
    }

    @Test
    void meAnswersWhoTheBearerIs() {
        User user = new User("user-me-1", "dangjian-me", "赵敏", List.of("DISCIPLINE_INSPECTOR", "PARTY_MEMBER"),
                "00000000-0000-4000-8000-000000000021");

        client.get().uri("/api/me")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(user)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("dangjian-me")
                .jsonPath("$.name").isEqualTo("赵敏")
                .jsonPath("$.roles[0]").isEqualTo("DISCIPLINE_INSPECTOR")
                .jsonPath("$.roles[1]").isEqualTo("PARTY_MEMBER")
                .jsonPath("$.org").isEqualTo("00000000-0000-4000-8000-000000000021");
    }

    @Test
    void meWithoutSessionOrTokenIs401Problem() {
        client.get().uri("/api/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void problemsSpeakChineseByDefaultAndEnglishWhenAskedFor() {
        client.get().uri("/api/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .expectBody()
                .jsonPath("$.title").isEqualTo("未登录")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("请先登录"));

        client.get().uri("/api/me")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not signed in")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Sign in first"));
    }

    // --- browsers: login, session, token relay, CSRF, logout ---------------------------------------

    @Test
    void startPageIsTheWebClientPublicWithItsBuiltFilesAndIssuesTheCsrfCookieToScripts() {
        EntityExchangeResult<String> page = client.get().uri("/")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).returnResult();

        assertThat(page.getResponseBody()).contains("<title>智慧党建平台</title>");
        ResponseCookie csrf = page.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isFalse();
        // the Vite build's entry script, named after its content: public, kept a year
        Matcher script = Pattern.compile("src=\"(/assets/index-[A-Za-z0-9_-]+\\.js)\"").matcher(page.getResponseBody());
        assertThat(script.find()).as("the page loads its built script from /assets/").isTrue();
        client.get().uri(script.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("max-age=31536000").contains("immutable"));
        client.get().uri("/favicon.svg").exchange().expectStatus().isOk();
    }

    @Test
    void theClientsOwnAddressesAreItsPageForTheSignedInAndNeverShadowTheEndpoints() {
        // a bookmark of a screen, without a session: to the login first (the gateway then comes back to it)
        client.get().uri("/organisation/tree?unit=00000000-0000-4000-8000-000000000001")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/dangjian");

        // signed in (a bearer token does as well as a session here): the page, never revalidated from cache
        String token = IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"));
        client.get().uri("/organisation/tree?unit=00000000-0000-4000-8000-000000000001")
                .accept(MediaType.TEXT_HTML)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).value(body -> assertThat(body).contains("<title>智慧党建平台</title>"));
        // a browser asking an endpoint for HTML still reaches the endpoint, and a missing file is a 404
        client.get().uri("/api/organisation/units?parent=top")
                .accept(MediaType.TEXT_HTML)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
        assertThat(ORGANISATION.requestsTo("/units")).isNotEmpty();
        client.get().uri("/assets/nothing-here.js").exchange().expectStatus().isNotFound();
        client.get().uri("/app.js").headers(headers -> headers.setBearerAuth(token)).exchange().expectStatus().isNotFound();

        assertThat(WebClientConfiguration.isClientPath("/organisation/tree")).isTrue();
        assertThat(WebClientConfiguration.isClientPath("/platform/read-models")).isTrue();
        assertThat(WebClientConfiguration.isClientPath("/")).isTrue();
        assertThat(WebClientConfiguration.isClientPath("/api/organisation/tree")).isFalse();
        assertThat(WebClientConfiguration.isClientPath("/oauth2/authorization/dangjian")).isFalse();
        assertThat(WebClientConfiguration.isClientPath("/logout")).isFalse();
        assertThat(WebClientConfiguration.isClientPath("/actuator/health")).isFalse();
        assertThat(WebClientConfiguration.isClientPath("/robots.txt")).isFalse();
    }

    @Test
    void browserAskingForAProtectedPageIsSentToTheIdentityProvider() {
        client.get().uri("/login")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/dangjian");

        URI authorize = client.get().uri("/oauth2/authorization/dangjian")
                .exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith(IDP.issuer() + "/oauth2/authorize?");
        assertThat(query(authorize))
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "dangjian-web")
                .containsEntry("scope", "openid profile")
                .containsEntry("redirect_uri", baseUrl() + "/login/oauth2/code/dangjian")
                .containsKeys("state", "nonce", "code_challenge");
    }

    @Test
    void loggedInBrowserSeesItselfAndItsTokenIsRelayedWithoutCookiesAndLogoutEndsAtTheProvider() {
        User user = User.unique("李明", "BRANCH_SECRETARY");
        Map<String, String> cookies = new HashMap<>();

        // 1. the gateway sends the browser to the provider and remembers the authorization request in the session
        EntityExchangeResult<byte[]> start = client.get().uri("/oauth2/authorization/dangjian")
                .exchange().expectStatus().isFound().expectBody().returnResult();
        keep(cookies, start);
        Map<String, String> authorize = query(start.getResponseHeaders().getLocation());
        IDP.expectLogin("code-" + user.sub(), authorize.get("nonce"), user);

        // 2. the provider sends the browser back with a code; the gateway exchanges it on the back channel
        EntityExchangeResult<byte[]> callback = client.get()
                .uri(builder -> builder.path("/login/oauth2/code/dangjian")
                        .queryParam("code", "code-" + user.sub())
                        .queryParam("state", authorize.get("state"))
                        .build())
                .cookies(jar -> cookies.forEach(jar::add))
                .exchange().expectStatus().isFound().expectBody().returnResult();
        assertThat(callback.getResponseHeaders().getLocation()).hasToString("/");
        keep(cookies, callback);
        TestIdentityProvider.TokenRequest tokenRequest = IDP.lastTokenRequest();
        assertThat(tokenRequest.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("dangjian-web:" + TestIdentityProvider.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(tokenRequest.form()).containsKey("code_verifier");

        // 3. the session knows the user
        keep(cookies, client.get().uri("/api/me")
                .cookies(jar -> cookies.forEach(jar::add))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo(user.username())
                .jsonPath("$.name").isEqualTo("李明")
                .jsonPath("$.roles[0]").isEqualTo("BRANCH_SECRETARY")
                .returnResult());

        // 4. routes relay the session's access token, and the gateway's cookies stay at the gateway
        client.get().uri("/api/organisation/units")
                .cookies(jar -> cookies.forEach(jar::add))
                .exchange()
                .expectStatus().isOk();
        Received relayed = single(ORGANISATION.requestsTo("/units"));
        assertThat(relayed.header("Authorization")).startsWith("Bearer ey");
        assertThat(relayed.header("Cookie")).isNull();

        // 5. an unsafe request on the session needs the CSRF header
        client.post().uri("/api/organisation/units")
                .cookies(jar -> cookies.forEach(jar::add))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(ORGANISATION.requestsTo("/units")).hasSize(1);
        client.post().uri("/api/organisation/units")
                .cookies(jar -> cookies.forEach(jar::add))
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        // 6. logout from the script: the answer names the provider's logout endpoint, which leads back to /
        String redirect = client.post().uri("/logout")
                .cookies(jar -> cookies.forEach(jar::add))
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("redirect").toString();
        assertThat(redirect).startsWith(IDP.issuer() + "/connect/logout?id_token_hint=");
        assertThat(query(URI.create(redirect))).containsEntry("post_logout_redirect_uri", baseUrl() + "/");

        // 7. and the session is over
        client.get().uri("/api/me")
                .cookies(jar -> cookies.forEach(jar::add))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anonymousUnsafeRequestWithoutSessionCookieIsAskedToSignIn() {
        client.post().uri("/api/organisation/units")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"第一支部\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void unsafeRequestOnTheSessionCookieWithoutCsrfTokenIsRefusedWithCsrfProblem() {
        client.post().uri("/api/organisation/units")
                .cookie("DANGJIAN_SESSION", "a-session-id")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"第一支部\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CSRF_TOKEN_INVALID")
                .jsonPath("$.type").isEqualTo("urn:dangjian:problem:csrf-token-invalid");
    }

    @Test
    void bearerRequestsNeedNoCsrfTokenAndKeepTheirBody() {
        String body = "{\"name\":\"第一党支部\"}";
        client.post().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk();
        Received received = single(ORGANISATION.requestsTo("/units"));
        assertThat(received.method()).isEqualTo("POST");
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    // --- limits -------------------------------------------------------------------------------------

    @Test
    void bodyOverOneMegabyteIsRefusedWith413Problem() {
        byte[] body = new byte[1024 * 1024 + 1];
        client.post().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 MB"));
        assertThat(ORGANISATION.requestsTo("/units")).isEmpty();
    }

    @Test
    void streamedBodyGrowingOverTheLimitIsRefusedWith413Problem() {
        // 20 chunks of 64 KB, sent without Content-Length
        Flux<DataBuffer> body = Flux.range(0, 20).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        client.post().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(body))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void clientOverItsRateLimitGets429ProblemWithRetryAfterWhileAnotherClientGoesOn() {
        String busy = IDP.accessToken(User.unique("李明", "BRANCH_SECRETARY"));
        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            EntityExchangeResult<byte[]> result = client.get().uri("/api/organisation/units")
                    .headers(headers -> headers.setBearerAuth(busy))
                    .exchange().expectBody().returnResult();
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                limited = result;
            }
        }
        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(limited.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(new String(limited.getResponseBodyContent(), StandardCharsets.UTF_8))
                .contains("\"code\":\"RATE_LIMITED\"").contains("\"status\":429");

        client.get().uri("/api/organisation/units")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("张丽", "PARTY_MEMBER"))))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "4");
    }

    @Test
    void serviceThatDoesNotAnswerInTimeGives504Problem() {
        client.get().uri("/api/organisation/slow")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("GATEWAY_TIMEOUT");
    }

    @Test
    void serviceErrorPassesThroughUnchangedAndIsNotRetried() {
        client.get().uri("/api/organisation/busy")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ORGANISATION_BUSY");
        assertThat(ORGANISATION.requestsTo("/busy")).hasSize(1);
    }

    // --- errors answered before a route: firewall and HTTP server -------------------------------------

    @Test
    void pathsTheFirewallRefusesAre400ProblemsThatSayWhatToChange() {
        for (String path : List.of("/api/organisation/%2e%2e/units", "/api/organisation/units%2fx",
                "/api/organisation/units/%00", "/api//organisation/units")) {
            client.get().uri(URI.create(baseUrl() + path))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                    .expectHeader().exists("X-Correlation-Id")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:dangjian:problem:request-rejected")
                    .jsonPath("$.title").isEqualTo("请求被拒绝")
                    .jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.code").isEqualTo("REQUEST_REJECTED")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("规范化的路径"))
                    .jsonPath("$.correlationId").isNotEmpty();
        }
        client.get().uri(URI.create(baseUrl() + "/api/organisation/%2e%2e/units"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Request rejected")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Send a normalised path"));
        assertThat(ORGANISATION.requests()).isEmpty();
    }

    @Test
    void traceIsRefusedWith405ProblemNamingTheAllowedMethods() {
        client.method(HttpMethod.TRACE).uri("/api/organisation/units")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET", "POST").doesNotContain("TRACE"))
                .expectBody()
                .jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED")
                .jsonPath("$.status").isEqualTo(405)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("TRACE"));
        assertThat(ORGANISATION.requests()).isEmpty();
    }

    @Test
    void aRequestLineOverTheLimitIs414ProblemFromTheHttpServer() throws IOException {
        RawAnswer answer = RawAnswer.send(port, "GET /api/organisation/units?q=" + "a".repeat(20 * 1024) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAccept-Language: en\r\n\r\n");

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:dangjian:problem:uri-too-long");
        assertThat(problem.get("status").asInt()).isEqualTo(414);
        assertThat(problem.get("code").asString()).isEqualTo("URI_TOO_LONG");
        // the server never read the headers: the default language, and a new correlation id
        assertThat(problem.get("title").asString()).isEqualTo("请求地址过长");
        assertThat(problem.get("detail").asString()).contains("4 KB");
        assertThat(problem.get("correlationId").asString()).isNotBlank().isEqualTo(answer.header("X-Correlation-Id"));
        assertThat(ORGANISATION.requests()).isEmpty();
    }

    @Test
    void headersOverTheLimitAre431ProblemInTheCallersLanguage() throws IOException {
        StringBuilder request = new StringBuilder("GET /api/organisation/units HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Language: en\r\nX-Correlation-Id: raw-431\r\n");
        for (int i = 0; i < 40; i++) {
            request.append("X-Filler-").append(i).append(": ").append("b".repeat(1000)).append("\r\n");
        }
        RawAnswer answer = RawAnswer.send(port, request.append("\r\n").toString());

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.header("Content-Language")).isEqualTo("en");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:dangjian:problem:headers-too-large");
        assertThat(problem.get("status").asInt()).isEqualTo(431);
        assertThat(problem.get("code").asString()).isEqualTo("HEADERS_TOO_LARGE");
        assertThat(problem.get("title").asString()).isEqualTo("Request headers too large");
        assertThat(problem.get("detail").asString()).contains("8 KB");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/organisation/units");
        assertThat(problem.get("correlationId").asString()).isEqualTo("raw-431");
        assertThat(ORGANISATION.requests()).isEmpty();
    }

    @Test
    void aRequestTheHttpServerCannotParseIs400MalformedRequestProblem() throws IOException {
        RawAnswer answer = RawAnswer.send(port, "GET /api/me HTTP/1.1\r\nHost: localhost\r\nContent-Length: twelve\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.get("type").asString()).isEqualTo("urn:dangjian:problem:malformed-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("请求格式错误");
    }

    @Test
    void aRequestTargetThatIsNoUriIs400MalformedRequestProblem() throws IOException {
        for (String target : List.of("/api/organisation/units/%", "/api/organisation/units/ab%zz", "/api/organisation/tree?unit=%")) {
            RawAnswer answer = RawAnswer.send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(target).isEqualTo("application/problem+json");
            assertThat(answer.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    // --- a service's errors -------------------------------------------------------------------------

    @Test
    void aServicesErrorThatIsNotProblemJsonBecomesAProblemOfTheSameStatus() {
        record Case(String path, int status, String code) {
        }
        for (Case expected : List.of(
                // Tomcat's HTML page for characters it refuses in a query (the probe's unit[$ne]=x)
                new Case("/api/organisation/tree?unit%5B$ne%5D=x", 400, "INVALID_REQUEST"),
                // and for a path that is not UTF-8 (the probe's overlong "." %c0%ae)
                new Case("/api/organisation/units/%c0%ae", 400, "INVALID_REQUEST"),
                new Case("/api/organisation/html-error/404", 404, "NOT_FOUND"),
                new Case("/api/organisation/html-error/409", 409, "INVALID_REQUEST"),
                new Case("/api/organisation/empty-error/403", 403, "FORBIDDEN"),
                new Case("/api/organisation/html-error/500", 500, "UPSTREAM_ERROR"),
                new Case("/api/organisation/empty-error/502", 502, "UPSTREAM_ERROR"))) {
            client.get().uri(URI.create(baseUrl() + expected.path()))
                    .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                    .exchange()
                    .expectStatus().isEqualTo(expected.status())
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(expected.status())
                    .jsonPath("$.code").isEqualTo(expected.code())
                    .jsonPath("$.type").isEqualTo("urn:dangjian:problem:" + expected.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .jsonPath("$.title").isNotEmpty()
                    .jsonPath("$.detail").isNotEmpty()
                    .jsonPath("$.instance").isEqualTo(expected.path().replaceAll("\\?.*", ""))
                    .jsonPath("$.correlationId").isNotEmpty();
        }
        assertThat(single(ORGANISATION.requestsTo("/tree")).query()).isEqualTo("unit[$ne]=x");
    }

    @Test
    void aServicesBare401KeepsItsChallengeAndAServiceFailureSaysItsStatusInEnglish() {
        client.get().uri("/api/organisation/empty-error/401")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");

        client.get().uri("/api/organisation/html-error/503")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("王建华", "COMMITTEE_STAFF"))))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody()
                .jsonPath("$.code").isEqualTo("UPSTREAM_ERROR")
                .jsonPath("$.title").isEqualTo("Service error")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("status 503"));
    }

    // --- CORS ---------------------------------------------------------------------------------------

    @Test
    void preflightFromAnAllowedOriginSucceeds() {
        client.options().uri("/api/organisation/units")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        client.options().uri("/api/organisation/units")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void corsAnswerExposesTheCorrelationId() {
        client.get().uri("/api/me")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("张丽", "PARTY_MEMBER"))))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed).contains("X-Correlation-Id"));
    }

    // --- operations ---------------------------------------------------------------------------------

    @Test
    void healthProbesInfoAndMetricsArePublicAndServicesAreReported() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.services.components.organisation.status").isEqualTo("UP");
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
    }

    @Test
    void unknownApiPathIsA404Problem() {
        client.get().uri("/api/nothing-here")
                .headers(headers -> headers.setBearerAuth(IDP.accessToken(User.unique("张丽", "PARTY_MEMBER"))))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static Received single(List<Received> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static void keep(Map<String, String> cookies, EntityExchangeResult<?> result) {
        result.getResponseCookies().forEach((name, values) -> values.forEach(cookie -> {
            if (cookie.getValue().isEmpty() || cookie.getMaxAge().isZero()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        }));
    }

    /** The decoded query parameters of a URI. */
    private static Map<String, String> query(URI uri) {
        Map<String, String> decoded = new HashMap<>();
        UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap()
                .forEach((name, value) -> decoded.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
        return decoded;
    }

    /** An answer read off a plain socket: for requests no HTTP client library would send. */
    record RawAnswer(int status, Map<String, String> headers, byte[] body) {

        static RawAnswer send(int port, String request) throws IOException {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                InputStream in = socket.getInputStream();
                byte[] chunk = new byte[8192];
                try {
                    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                        answer.write(chunk, 0, read);
                    }
                } catch (SocketException reset) {
                    // the server closes the connection after answering; the answer is what arrived before that
                    if (answer.size() == 0) {
                        throw reset;
                    }
                }
                return parse(answer.toByteArray());
            }
        }

        private static RawAnswer parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete head in %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            assertThat(Integer.parseInt(header("Content-Length"))).isEqualTo(body.length);
            return JsonMapper.builder().build().readTree(body);
        }
    }
}
