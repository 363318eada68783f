package org.dangjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.nimbusds.jwt.SignedJWT;

import org.dangjian.testsupport.DemoLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider as a real deployment runs it: demo mode off (the default), every secret the deployment's own, given
 * through the environment variables the packaged {@code application.yml} reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutsideDemoModeTest {

    static final String WEB_SECRET = "Zm9yLXRoZS1nYXRld2F5LW9ubHktMTIzNDU2Nzg5MA";
    static final String DEPARTMENT_SECRET = "cmVuc2hpLWRlcGFydG1lbnQtb3duLXNlY3JldA";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("DANGJIAN_DATA_DIR", () -> dataDir.toString());
        registry.add("DANGJIAN_WEB_CLIENT_SECRET", () -> WEB_SECRET);
        registry.add("DANGJIAN_DEPARTMENT_CLIENT_SECRET", () -> DEPARTMENT_SECRET);
    }

    @LocalServerPort
    int port;

    @Test
    void theDemoDataLoaderDoesNotExistSoItsDocumentedSecretFetchesNoToken() {
        assertThatThrownBy(() -> DemoLogin.clientCredentialsToken(base(), "demo-data-loader", "demo-data-loader-secret"))
                .isInstanceOf(DemoLogin.DemoLoginException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void theDepartmentSignsInWithTheDeploymentsSecretAndNotWithTheDocumentedOne() throws Exception {
        SignedJWT token = SignedJWT.parse(DemoLogin.clientCredentialsToken(base(), "renshi-department", DEPARTMENT_SECRET));

        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("renshi-department", "dangjian");
        assertThatThrownBy(() -> DemoLogin.clientCredentialsToken(base(), "renshi-department", "renshi-secret"))
                .isInstanceOf(DemoLogin.DemoLoginException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void noDemoUserCanSignIn() {
        assertThatThrownBy(() -> DemoLogin.accessToken(base(), "dangwei", DemoLogin.DEMO_PASSWORD))
                .isInstanceOf(DemoLogin.DemoLoginException.class)
                .hasMessageContaining("Wrong username or password");
    }

    @Test
    void theLoginPageListsNoDemoAccount() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base().resolve("/login"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("智慧党建平台 · 登录 / Sign in").doesNotContain("dangwei", "演示账号");
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }
}
