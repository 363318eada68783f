package org.dangjian.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Outside demo mode the provider starts only with secrets of the deployment's own; in demo mode with any. */
class ClientSecretPolicyTest {

    private static final String STRONG = "kq3ZrC0pU2mVfX9aLw7tYb1n";

    @Test
    void outsideDemoModeADocumentedWebClientSecretIsRefusedNamingTheVariableToSet() {
        assertThatThrownBy(() -> properties(false, "dangjian-web-secret", STRONG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client dangjian-web")
                .hasMessageContaining("dangjian.identity.web-client-secret, environment DANGJIAN_WEB_CLIENT_SECRET")
                .hasMessageContaining("documented demo secret")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("DANGJIAN_DEMO=true");
    }

    @Test
    void outsideDemoModeTheDocumentedDepartmentSecretIsRefused() {
        assertThatThrownBy(() -> properties(false, STRONG, "renshi-secret"))
                .hasMessageContaining("client renshi-department")
                .hasMessageContaining("dangjian.identity.machine-clients[0].secret, environment DANGJIAN_DEPARTMENT_CLIENT_SECRET")
                .hasMessageContaining("documented demo secret");
    }

    @Test
    void outsideDemoModeAMissingSecretIsRefused() {
        assertThatThrownBy(() -> properties(false, null, STRONG)).hasMessageContaining("client dangjian-web").hasMessageContaining("is missing");
        assertThatThrownBy(() -> properties(false, STRONG, " ")).hasMessageContaining("client renshi-department").hasMessageContaining("is missing");
    }

    @Test
    void outsideDemoModeAShortSecretIsRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> properties(false, STRONG, "short-secret-15"))
                .hasMessageContaining("client renshi-department")
                .hasMessageContaining("shorter than 16 characters")
                .hasMessageNotContaining("short-secret-15");
    }

    @Test
    void outsideDemoModeEveryUnfitSecretIsNamedAtOnce() {
        assertThatThrownBy(() -> properties(false, "", "demo-data-loader-secret"))
                .hasMessageContaining("client dangjian-web").hasMessageContaining("client renshi-department");
    }

    @Test
    void outsideDemoModeSecretsOfTheDeploymentsOwnAreAccepted() {
        assertThatCode(() -> properties(false, STRONG, "another-random-secret-0123456789")).doesNotThrowAnyException();
    }

    @Test
    void outsideDemoModeTheDemoClientsAreNotCheckedBecauseTheyDoNotExist() {
        IdentityProperties properties = properties(false, STRONG, STRONG);

        assertThat(properties.registeredMachineClients()).extracting(IdentityProperties.MachineClient::clientId)
                .containsExactly("renshi-department");
    }

    @Test
    void inDemoModeTheDocumentedSecretsAreAccepted() {
        IdentityProperties properties = properties(true, "dangjian-web-secret", "renshi-secret");

        assertThat(properties.registeredMachineClients()).extracting(IdentityProperties.MachineClient::clientId)
                .containsExactly("renshi-department", "demo-data-loader");
    }

    @Test
    void inDemoModeAMissingSecretIsStillRefused() {
        assertThatThrownBy(() -> properties(true, null, "renshi-secret"))
                .hasMessageContaining("Every client needs a secret")
                .hasMessageContaining("client dangjian-web");
    }

    private static IdentityProperties properties(boolean demo, String webSecret, String departmentSecret) {
        return new IdentityProperties(URI.create("http://localhost:9000"), Path.of("unused.json"), "dangjian",
                List.of(URI.create("http://localhost:8080/login/oauth2/code/dangjian")), List.of(), webSecret,
                List.of(new IdentityProperties.MachineClient("renshi-department", "人事部门", departmentSecret, null)),
                new IdentityProperties.Demo(demo, "dangjian", List.of(), List.of(new IdentityProperties.MachineClient(
                        "demo-data-loader", "演示数据加载", "demo-data-loader-secret", List.of("COMMITTEE_STAFF")))));
    }
}
