package org.dangjian.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import org.dangjian.registry.ServiceRegistry;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    static final ServiceRegistry TWO_SERVICES = ServiceRegistry.read(new StringReader("""
            services:
              - name: organisation
                title: 组织
                titleEn: Organisation
                port: 8081
                module: services/organisation
                mainClass: org.dangjian.organisation.OrganisationApplication
              - name: members
                title: 党员
                titleEn: Members
                port: 8082
                module: services/members
                mainClass: org.dangjian.members.MembersApplication
            """), "test.yaml");

    static final Map<String, String> HOME = Map.of("DANGJIAN_HOME", "/tmp/dangjian", "DANGJIAN_DATA_DIR", "/tmp/dangjian-data");

    @Test
    void everyServiceOfTheRegistryGetsItsPortFromItsVariableElseFromTheRegistry() {
        LaunchSettings settings = LaunchSettings.from(new String[0], with("DANGJIAN_MEMBERS_PORT", "18082"), TWO_SERVICES);

        assertThat(settings.servicePort("organisation")).isEqualTo(8081);
        assertThat(settings.servicePort("members")).isEqualTo(18082);
        assertThat(settings.serviceUrl("members")).isEqualTo("http://127.0.0.1:18082");
        assertThat(settings.ports()).containsExactly(Map.entry("DANGJIAN_GATEWAY_PORT", 8080), Map.entry("DANGJIAN_IDP_PORT", 9000),
                Map.entry("DANGJIAN_KAFKA_PORT", 9092), Map.entry("DANGJIAN_MONGO_PORT", 27017),
                Map.entry("DANGJIAN_ORGANISATION_PORT", 8081), Map.entry("DANGJIAN_MEMBERS_PORT", 18082));
        assertThatThrownBy(() -> settings.serviceUrl("audit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audit");
    }

    @Test
    void everyChildLearnsEveryServicesPortAndUrl() {
        LaunchSettings settings = LaunchSettings.from(new String[0], with("DANGJIAN_ORGANISATION_PORT", "18081"), TWO_SERVICES);

        assertThat(settings.childEnvironment())
                .containsEntry("DANGJIAN_ORGANISATION_PORT", "18081")
                .containsEntry("DANGJIAN_ORGANISATION_URL", "http://127.0.0.1:18081")
                .containsEntry("DANGJIAN_MEMBERS_PORT", "8082")
                .containsEntry("DANGJIAN_MEMBERS_URL", "http://127.0.0.1:8082")
                .containsEntry("DANGJIAN_ISSUER", "http://localhost:9000")
                .containsEntry("DANGJIAN_MONGO_URI", "mongodb://127.0.0.1:27017")
                .containsEntry("DANGJIAN_KAFKA", "127.0.0.1:9092")
                .containsEntry("DANGJIAN_DATA_DIR", "/tmp/dangjian-data")
                .containsEntry("DANGJIAN_IDENTITY_WEBREDIRECTURIS_0", "http://localhost:8080/login/oauth2/code/dangjian");
    }

    @Test
    void theEmbeddedDefaultRunsTheIdentityProviderInDemoModeAndLoadsTheDemoTree() {
        LaunchSettings settings = LaunchSettings.from(new String[0], HOME, TWO_SERVICES);

        assertThat(settings.demo()).isTrue();
        assertThat(settings.demoData()).isTrue();
        assertThat(settings.identityEnvironment()).as("set explicitly: the provider's own default is off")
                .containsEntry("DANGJIAN_DEMO", "true")
                .containsAllEntriesOf(settings.childEnvironment());
    }

    @Test
    void demoModeOffTellsTheIdentityProviderAndLoadsNoDemoTree() {
        LaunchSettings settings = LaunchSettings.from(new String[0], with("DANGJIAN_DEMO", "false"), TWO_SERVICES);

        assertThat(settings.demo()).isFalse();
        assertThat(settings.demoData()).as("the tree is loaded as the demo client, which exists in demo mode only").isFalse();
        assertThat(settings.identityEnvironment()).containsEntry("DANGJIAN_DEMO", "false");
    }

    @Test
    void theFormerSwitchDangjianDemoUsersCountsUnlessDangjianDemoIsSet() {
        assertThat(LaunchSettings.from(new String[0], with("DANGJIAN_DEMO_USERS", "false"), TWO_SERVICES).demo()).isFalse();
        Map<String, String> both = with("DANGJIAN_DEMO_USERS", "false");
        both.put("DANGJIAN_DEMO", "true");
        assertThat(LaunchSettings.from(new String[0], both, TWO_SERVICES).demo()).isTrue();
    }

    @Test
    void aDemoSwitchThatIsNeitherTrueNorFalseIsRefused() {
        assertThatThrownBy(() -> LaunchSettings.from(new String[0], with("DANGJIAN_DEMO", "yes"), TWO_SERVICES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DANGJIAN_DEMO must be true or false");
    }

    @Test
    void twoPartsOnOnePortAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> LaunchSettings.from(new String[0], with("DANGJIAN_MEMBERS_PORT", "8081"), TWO_SERVICES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DANGJIAN_MEMBERS_PORT").hasMessageContaining("DANGJIAN_ORGANISATION_PORT");
        assertThatThrownBy(() -> LaunchSettings.from(new String[0], with("DANGJIAN_ORGANISATION_PORT", "x"), TWO_SERVICES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a port number");
    }

    @Test
    void theRealRegistrysServicesAreLaunched() {
        LaunchSettings settings = LaunchSettings.from(new String[] {"--data-dir=/tmp/elsewhere"}, HOME);

        assertThat(settings.services()).isEqualTo(ServiceRegistry.load().services());
        assertThat(settings.serviceUrl("organisation")).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.dataDir()).hasToString("/tmp/elsewhere");
    }

    static Map<String, String> with(String variable, String value) {
        Map<String, String> env = new HashMap<>(HOME);
        env.put(variable, value);
        return env;
    }

    @Test
    void everyChildGetsSmallQuickStartingJvmOptionsAndDangjianJavaOptionsComeLast() {
        LaunchSettings plain = LaunchSettings.from(new String[0], HOME, TWO_SERVICES);
        assertThat(plain.jvmOptions()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");

        LaunchSettings tuned = LaunchSettings.from(new String[0], with("DANGJIAN_JAVA_OPTIONS", " -Xmx768m  -XX:TieredStopAtLevel=4 "), TWO_SERVICES);
        assertThat(tuned.jvmOptions()).endsWith("-Xmx768m", "-XX:TieredStopAtLevel=4");
    }
}
