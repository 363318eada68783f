package org.dangjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ComposeFileTest {

    static final ServiceRegistry TWO_SERVICES = ServiceRegistryTest.read(ServiceRegistryTest.ORGANISATION
            + ServiceRegistryTest.entry("party-fees", 8086));

    @Test
    void everyServiceGetsItsBlockAndTheGatewayKnowsWhereItIs() {
        String rendered = ComposeFile.render(TWO_SERVICES, "2.0.0");
        Map<String, Object> services = map(new Yaml().<Map<String, Object>>load(rendered).get("services"));

        assertThat(services).containsOnlyKeys("kafka", "mongo", "identity", "organisation", "party-fees", "gateway");
        Map<String, Object> fees = map(services.get("party-fees"));
        assertThat(fees.get("image")).isEqualTo("dangjian/party-fees-service:2.0.0");
        assertThat(map(fees.get("environment"))).containsEntry("DANGJIAN_PARTY_FEES_PORT", "8086")
                .containsEntry("DANGJIAN_ISSUER_INTERNAL", "http://identity:9000");
        assertThat(map(fees.get("depends_on"))).containsOnlyKeys("kafka", "mongo", "identity");
        assertThat(String.valueOf(((List<?>) map(fees.get("healthcheck")).get("test")).get(5)))
                .isEqualTo("http://localhost:8086/actuator/health/readiness");

        Map<String, Object> gateway = map(services.get("gateway"));
        assertThat(gateway.get("image")).isEqualTo("dangjian/gateway:2.0.0");
        assertThat(map(gateway.get("depends_on"))).containsOnlyKeys("identity", "organisation", "party-fees");
        assertThat(map(gateway.get("environment")))
                .containsEntry("DANGJIAN_ORGANISATION_URL", "http://organisation:8081")
                .containsEntry("DANGJIAN_PARTY_FEES_URL", "http://party-fees:8086");
        assertThat(map(services.get("identity")).get("image")).isEqualTo("dangjian/identity-provider:2.0.0");

        assertThat(rendered).doesNotContain("{{").doesNotContain("\r")
                .contains("-pl gateway,services/organisation,services/party-fees,infra/identity-provider -am package")
                .contains("    #   - \"127.0.0.1:8086:8086\"\n")
                .contains("# database \"party-fees\" (the service's name)");
    }

    @Test
    void theServicesStandBetweenTheIdentityProviderAndTheGatewayEachAfterABlankLine() {
        String rendered = ComposeFile.render(TWO_SERVICES, "2.0.0");

        assertThat(rendered).containsSubsequence("\n  identity:\n", "\n\n  organisation:\n", "\n\n  party-fees:\n",
                "\n\n  gateway:\n", "\n\nvolumes:\n");
    }

    @Test
    void theRegistrysFileRendersWithTheOrganisationService() {
        String rendered = ComposeFile.render(ServiceRegistry.load(), "0.1.0-SNAPSHOT");

        assertThat(rendered).startsWith("# 智慧党建平台 (dangjian): the real deployment.")
                .contains("    image: dangjian/organisation-service:0.1.0-SNAPSHOT\n")
                .contains("      DANGJIAN_ORGANISATION_URL: http://organisation:8081\n")
                .endsWith("  identity-data:\n");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
