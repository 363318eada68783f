package org.dangjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
                .contains("      - audit-data:/data\n")
                .doesNotContain("organisation-data")
                .endsWith("  identity-data:\n  audit-data:\n");
    }

    @Test
    void everySecretMustBeGivenAndDemoModeIsOff() {
        String rendered = ComposeFile.render(TWO_SERVICES, "2.0.0");
        Map<String, Object> services = map(new Yaml().<Map<String, Object>>load(rendered).get("services"));
        Map<String, Object> identity = map(map(services.get("identity")).get("environment"));
        Map<String, Object> gateway = map(map(services.get("gateway")).get("environment"));

        for (String secret : List.of("DANGJIAN_WEB_CLIENT_SECRET", "DANGJIAN_DEPARTMENT_CLIENT_SECRET")) {
            assertThat(String.valueOf(identity.get(secret))).as("compose refuses to start without %s", secret)
                    .matches(Pattern.quote("${" + secret + ":?") + "[^}]*openssl rand -base64 32[^}]*}");
        }
        assertThat(gateway.get("DANGJIAN_WEB_CLIENT_SECRET")).isEqualTo(identity.get("DANGJIAN_WEB_CLIENT_SECRET"));
        assertThat(identity).containsEntry("DANGJIAN_DEMO", "${DANGJIAN_DEMO:-false}")
                .as("demo-data-loader exists in demo mode only, with its documented secret").doesNotContainKey("DANGJIAN_DEMO_LOADER_SECRET")
                .doesNotContainKey("DANGJIAN_DEMO_USERS");
        assertThat(rendered).as("no documented demo secret as a default")
                .doesNotContain("dangjian-web-secret", "renshi-secret", "demo-data-loader-secret");
    }

    @Test
    void theServicesListenOnEveryInterfaceAndBelieveForwardedHeadersOnlyFromTheGatewaysFixedAddress() {
        Map<String, Object> compose = new Yaml().load(ComposeFile.render(TWO_SERVICES, "2.0.0"));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> ipam = map(map(map(compose.get("networks")).get("default")).get("ipam"));
        Map<String, Object> pool = map(((List<?>) ipam.get("config")).get(0));
        String gatewayAddress = String.valueOf(map(map(map(services.get("gateway")).get("networks")).get("default")).get("ipv4_address"));

        assertThat(inSubnet(gatewayAddress, String.valueOf(pool.get("subnet")))).as("the gateway's address is on the network").isTrue();
        assertThat(inSubnet(gatewayAddress, String.valueOf(pool.get("ip_range"))))
                .as("no other container can be given the gateway's address").isFalse();
        assertThat(inSubnet(String.valueOf(pool.get("ip_range")).split("/")[0], String.valueOf(pool.get("subnet")))).isTrue();
        for (String name : List.of("organisation", "party-fees")) {
            Map<String, Object> environment = map(map(services.get(name)).get("environment"));
            assertThat(environment).as(name).containsEntry("DANGJIAN_BIND_ADDRESS", "0.0.0.0")
                    .containsEntry("DANGJIAN_TRUSTED_PROXIES", gatewayAddress.replace(".", "\\."));
            Pattern trusted = Pattern.compile(String.valueOf(environment.get("DANGJIAN_TRUSTED_PROXIES")));
            assertThat(trusted.matcher(gatewayAddress).matches()).as("%s believes the gateway", name).isTrue();
            assertThat(List.of("172.28.1.10", "172.28.0.100", "172a28b0c10", "127.0.0.1"))
                    .as("%s believes nobody else", name).noneMatch(address -> trusted.matcher(address).matches());
        }
    }

    private static boolean inSubnet(String address, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
