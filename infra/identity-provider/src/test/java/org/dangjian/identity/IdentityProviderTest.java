package org.dangjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.dangjian.testsupport.DemoLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider as the gateway, the services, the scripts and other departments use it in the embedded default (demo
 * mode): over HTTP, on a random port, with the signing key in a temporary directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderTest {

    /** Deliberately not where the test reaches the provider: the issuer must come from configuration. */
    private static final String ISSUER = "https://idp.dangjian.test";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dangjian.identity.issuer", () -> ISSUER);
        registry.add("dangjian.identity.key-file", IdentityProviderTest::keyFile);
        registry.add("dangjian.identity.demo.enabled", () -> "true");
    }

    private static Path keyFile() {
        return dataDir.resolve("identity/signing-key.json");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryDocumentNamesTheConfiguredIssuerAndItsEndpoints() throws Exception {
        Map<String, Object> discovery = json(get("/.well-known/openid-configuration", "application/json"));

        assertThat(discovery.get("issuer")).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri")).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("authorization_endpoint")).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.get("token_endpoint")).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.get("userinfo_endpoint")).isEqualTo(ISSUER + "/userinfo");
        assertThat(discovery.get("end_session_endpoint")).isEqualTo(ISSUER + "/connect/logout");
    }

    @Test
    void jwksServesThePublicHalfOfTheKeyKeptInTheKeyFile() throws Exception {
        JWKSet published = JWKSet.parse(get("/oauth2/jwks", "application/json").body());
        RSAKey kept = RSAKey.parse(Files.readString(keyFile()));

        assertThat(published.getKeys()).hasSize(1);
        RSAKey served = (RSAKey) published.getKeys().get(0);
        assertThat(served.isPrivate()).as("the JWKS must not leak the private key").isFalse();
        assertThat(served.getKeyID()).isEqualTo(kept.getKeyID());
        assertThat(served.getModulus()).isEqualTo(kept.getModulus());
        assertThat(kept.isPrivate()).as("the key file keeps the private key for the next start").isTrue();
    }

    @Test
    void committeeStaffSignsInLikeABrowserAndGetsSignedTokensWithRoleAndOrganisation() throws Exception {
        DemoLogin.Tokens tokens = DemoLogin.login(base(), "dangwei", DemoLogin.DEMO_PASSWORD);

        JWTClaimsSet access = verify(tokens.accessToken());
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getAudience()).containsExactly(DemoLogin.CLI_CLIENT_ID, "dangjian");
        assertThat(access.getSubject()).isEqualTo("dangwei");
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("dangwei");
        assertThat(access.getStringClaim("name")).isEqualTo("王建华");
        assertThat(access.getStringListClaim("roles")).containsExactly("COMMITTEE_STAFF");
        assertThat(access.getStringClaim("org")).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime())
                .as("access tokens last 30 minutes").isEqualTo(30 * 60 * 1000L);
        assertThat(tokens.expiresInSeconds()).isBetween(1790L, 1800L);

        JWTClaimsSet id = verify(tokens.idToken());
        assertThat(id.getAudience()).as("an ID token is for its client alone (OIDC)").containsExactly(DemoLogin.CLI_CLIENT_ID);
        assertThat(id.getSubject()).isEqualTo("dangwei");
        assertThat(id.getStringListClaim("roles")).containsExactly("COMMITTEE_STAFF");
        assertThat(id.getStringClaim("org")).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(id.getStringClaim("name")).isEqualTo("王建华");
    }

    @Test
    void gatewayClientSignsUsersInAndRefreshesTheirTokensWithTheSameClaims() throws Exception {
        DemoLogin.Client gateway = new DemoLogin.Client("dangjian-web", "dangjian-web-secret",
                URI.create("http://localhost:8080/login/oauth2/code/dangjian"));

        DemoLogin.Tokens tokens = DemoLogin.login(base(), gateway, "shenji", DemoLogin.DEMO_PASSWORD);
        assertThat(tokens.refreshToken()).as("the gateway keeps sessions alive with refresh tokens").isNotBlank();
        DemoLogin.Tokens refreshed = DemoLogin.refresh(base(), gateway, tokens.refreshToken());

        JWTClaimsSet access = verify(refreshed.accessToken());
        assertThat(access.getAudience()).containsExactly("dangjian-web", "dangjian");
        assertThat(access.getSubject()).isEqualTo("shenji");
        assertThat(access.getStringListClaim("roles")).containsExactly("AUDITOR");
        assertThat(access.getStringClaim("org")).isEqualTo("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void branchSecretaryTokenNamesHisBranch() throws Exception {
        JWTClaimsSet access = verify(DemoLogin.accessToken(base(), "shuji", DemoLogin.DEMO_PASSWORD));

        assertThat(access.getStringListClaim("roles")).containsExactly("BRANCH_SECRETARY");
        assertThat(access.getStringClaim("org")).isEqualTo("00000000-0000-4000-8000-000000000011");
    }

    @Test
    void userinfoAnswersWithRolesAndOrganisationForTheGateway() throws Exception {
        String accessToken = DemoLogin.accessToken(base(), "jijian", DemoLogin.DEMO_PASSWORD);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), utf8());

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> userInfo = json(response);
        assertThat(userInfo).containsEntry("sub", "jijian").containsEntry("name", "赵刚")
                .containsEntry("org", "00000000-0000-4000-8000-000000000001");
        assertThat(JSONObjectUtils.getStringList(userInfo, "roles")).containsExactly("DISCIPLINE_INSPECTOR");
    }

    @Test
    void wrongPasswordIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> DemoLogin.accessToken(base(), "dangwei", "not-the-password"))
                .isInstanceOf(DemoLogin.DemoLoginException.class)
                .hasMessageContaining("submit login form")
                .hasMessageContaining("Wrong username or password");
    }

    @Test
    void departmentGetsATokenWithTheDepartmentRoleAndNoOrganisation() throws Exception {
        JWTClaimsSet access = verify(DemoLogin.clientCredentialsToken(base(), "renshi-department", "renshi-secret"));

        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getAudience()).containsExactly("renshi-department", "dangjian");
        assertThat(access.getSubject()).isEqualTo("renshi-department");
        assertThat(access.getStringListClaim("roles")).containsExactly("DEPARTMENT");
        assertThat(access.getStringClaim("name")).isEqualTo("人事部门");
        assertThat(access.getClaims()).doesNotContainKey("org");
    }

    @Test
    void everyAccessTokenNamesThePlatformAudienceForUsersAndClientsAlike() throws Exception {
        JWTClaimsSet user = verify(DemoLogin.accessToken(base(), "dangyuan", DemoLogin.DEMO_PASSWORD));
        JWTClaimsSet client = verify(DemoLogin.clientCredentialsToken(base(), "renshi-department", "renshi-secret"));

        assertThat(user.getAudience()).as("authorization code").contains("dangjian");
        assertThat(client.getAudience()).as("client credentials").contains("dangjian");
    }

    @Test
    void inDemoModeTheDemoDataLoaderGetsACommitteeStaffAndDisciplineInspectorToken() throws Exception {
        JWTClaimsSet access = verify(DemoLogin.clientCredentialsToken(base(), "demo-data-loader", "demo-data-loader-secret"));

        assertThat(access.getSubject()).isEqualTo("demo-data-loader");
        assertThat(access.getStringListClaim("roles")).as("committee staff for the tree, members and activities; an inspector for the "
                + "discipline records").containsExactly("COMMITTEE_STAFF", "DISCIPLINE_INSPECTOR");
        assertThat(access.getAudience()).containsExactly("demo-data-loader", "dangjian");
    }

    @Test
    void departmentWithAWrongSecretIsRefused() {
        assertThatThrownBy(() -> DemoLogin.clientCredentialsToken(base(), "renshi-department", "guessed"))
                .isInstanceOf(DemoLogin.DemoLoginException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void loginPageListsEveryDemoAccountWithItsRoleInChineseAndEnglish() throws Exception {
        HttpResponse<String> response = get("/login", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("智慧党建平台 · 登录 / Sign in")
                .contains("<label for=\"username\">", "id=\"username\"", "<label for=\"password\">", "id=\"password\"")
                .contains("name=\"_csrf\"")
                .contains("dangwei", "王建华", "党委工作人员", "Party committee staff")
                .contains("shuji", "支部书记", "dangyuan", "党员", "jijian", "纪检干部", "shenji", "审计/巡察",
                        "yunwei", "平台运维")
                .contains("<code>dangjian</code>")
                .doesNotContain("用户名或密码错误");
        // its icon inline: a page without one makes the browser ask for /favicon.ico, a 404 in the console of every sign-in
        assertThat(response.body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml,");
    }

    @Test
    void loginPageExplainsAFailedLogin() throws Exception {
        assertThat(get("/login?error", "text/html").body()).contains("用户名或密码错误", "Wrong username or password");
    }

    @Test
    void livenessAndReadinessProbesReportUp() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(probe, "application/json");
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(response)).as(probe).containsEntry("status", "UP");
        }
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base().resolve(path)).header("Accept", accept).GET().build(), utf8());
    }

    private static HttpResponse.BodyHandler<String> utf8() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws ParseException {
        assertThat(response.statusCode()).as("HTTP status of %s", response.uri()).isEqualTo(200);
        return JSONObjectUtils.parse(response.body());
    }

    /** Verifies the RS256 signature against the published JWKS and returns the claims. */
    private JWTClaimsSet verify(String jwt) throws Exception {
        JWKSet jwks = JWKSet.parse(get("/oauth2/jwks", "application/json").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // typ: JWT, at+jwt (RFC 9068) or none
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                new HashSet<>(Arrays.asList(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null))));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        return processor.process(jwt, null);
    }
}
