package org.dangjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Whether the packaged application starts, by demo mode and secrets, as {@code java -jar} or the image starts it. */
class StartupSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void withThePackagedDefaultsTheProviderIsNotInDemoModeAndRefusesTheDocumentedSecrets() {
        assertThatThrownBy(() -> start().close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Outside demo mode")
                .hasMessageContaining("client dangjian-web").hasMessageContaining("DANGJIAN_WEB_CLIENT_SECRET")
                .hasMessageContaining("client renshi-department").hasMessageContaining("DANGJIAN_DEPARTMENT_CLIENT_SECRET")
                .hasMessageContaining("documented demo secret")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void withOneDefaultSecretLeftTheProviderRefusesToStartNamingIt() {
        assertThatThrownBy(() -> start("DANGJIAN_WEB_CLIENT_SECRET=" + OutsideDemoModeTest.WEB_SECRET).close())
                .rootCause()
                .hasMessageContaining("client renshi-department")
                .hasMessageNotContaining("client dangjian-web");
    }

    @Test
    void demoModeSwitchedOnStartsWithTheDocumentedSecrets() {
        try (ConfigurableApplicationContext context = start("DANGJIAN_DEMO=true")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void theFormerSwitchDangjianDemoUsersStillSwitchesDemoModeOn() {
        try (ConfigurableApplicationContext context = start("DANGJIAN_DEMO_USERS=true")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(IdentityProviderApplication.class)
                .properties("DANGJIAN_DATA_DIR=" + dataDir, "spring.main.banner-mode=off")
                .properties(properties)
                .run("--server.port=0"); // an argument: application.yml's port would win over a default property
    }
}
