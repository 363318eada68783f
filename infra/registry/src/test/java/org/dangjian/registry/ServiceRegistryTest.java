package org.dangjian.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class ServiceRegistryTest {

    static final String ORGANISATION = """
              - name: organisation
                title: 组织
                titleEn: Organisation
                port: 8081
                module: services/organisation
                mainClass: org.dangjian.organisation.OrganisationApplication
            """;

    static ServiceRegistry read(String entries) {
        return ServiceRegistry.read(new StringReader("services:\n" + entries), "test.yaml");
    }

    /** An entry like the organisation service's with another name and port (and its module named after it). */
    static String entry(String name, int port) {
        return ORGANISATION.replace("name: organisation", "name: " + name)
                .replace("module: services/organisation", "module: services/" + name.toLowerCase())
                .replace("port: 8081", "port: " + port);
    }

    @Test
    void theRegistryOnTheClasspathListsTheOrganisationService() {
        ServiceRegistry registry = ServiceRegistry.load();

        assertThat(registry.services()).extracting(ServiceEntry::name).contains("organisation");
        assertThat(registry.named("organisation")).isEqualTo(new ServiceEntry("organisation", "组织", "Organisation", 8081,
                "services/organisation", "org.dangjian.organisation.OrganisationApplication"));
    }

    @Test
    void everyNameFollowsFromTheEntryByFixedRules() {
        ServiceEntry organisation = read(ORGANISATION).named("organisation");

        assertThat(organisation.topic()).isEqualTo("dangjian.organisation.events");
        assertThat(organisation.route()).isEqualTo("/api/organisation/**");
        assertThat(organisation.apiPrefix()).isEqualTo("/api/organisation");
        assertThat(organisation.portVariable()).isEqualTo("DANGJIAN_ORGANISATION_PORT");
        assertThat(organisation.urlVariable()).isEqualTo("DANGJIAN_ORGANISATION_URL");
        assertThat(organisation.defaultUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(organisation.artifactId()).isEqualTo("organisation-service");
        assertThat(organisation.image("1.2.3")).isEqualTo("dangjian/organisation-service:1.2.3");
    }

    @Test
    void aHyphenInTheNameBecomesAnUnderscoreInVariables() {
        ServiceEntry entry = read(entry("party-fees", 8086)).named("party-fees");

        assertThat(entry.portVariable()).isEqualTo("DANGJIAN_PARTY_FEES_PORT");
        assertThat(entry.urlVariable()).isEqualTo("DANGJIAN_PARTY_FEES_URL");
        assertThat(entry.topic()).isEqualTo("dangjian.party-fees.events");
    }

    @Test
    void servicesKeepTheRegistrysOrder() {
        ServiceRegistry registry = read(entry("members", 8082) + entry("audit", 8085) + ORGANISATION);

        assertThat(registry.services()).extracting(ServiceEntry::name).containsExactly("members", "audit", "organisation");
        assertThat(registry.find("discipline")).isEmpty();
        assertThatThrownBy(() -> registry.named("discipline"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discipline").hasMessageContaining("[members, audit, organisation]");
    }

    @Test
    void namesMustBeLowerCaseWordsWithHyphens() {
        for (String bad : new String[] {"Organisation", "1st", "-x", "org_unit", "org unit", "组织"}) {
            assertThatThrownBy(() -> read(entry(bad, 8081)))
                    .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("[a-z][a-z0-9-]*");
        }
    }

    @Test
    void namesAreUniqueAndNotThePlatformsOwn() {
        assertThatThrownBy(() -> read(entry("members", 8082) + entry("members", 8083)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("members").hasMessageContaining("twice");
        assertThatThrownBy(() -> read(entry("gateway", 8082)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("taken by the platform");
    }

    @Test
    void portsAreUniqueAndNotThePlatformsFixedOnes() {
        assertThatThrownBy(() -> read(entry("members", 8082) + entry("audit", 8082)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("port 8082 is already members's");
        for (int reserved : new int[] {8080, 9000, 9092, 27017}) {
            assertThatThrownBy(() -> read(entry("members", reserved)))
                    .as("port %d", reserved).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + reserved + " is " + ServiceRegistry.RESERVED_PORTS.get(reserved));
        }
        assertThatThrownBy(() -> read(entry("members", 70000)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("port number");
        assertThatThrownBy(() -> read(ORGANISATION.replace("8081", "\"8081\"")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("port number");
    }

    @Test
    void everyFieldIsRequiredAndNoOtherIsAllowed() {
        for (String field : new String[] {"title", "titleEn", "port", "module", "mainClass"}) {
            String without = ORGANISATION.lines().filter(line -> !line.strip().startsWith(field + ":"))
                    .reduce("", (text, line) -> text + line + "\n");
            assertThatThrownBy(() -> read(without)).as(field).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> read(ORGANISATION + "    topic: something.else\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown field `topic`");
        assertThatThrownBy(() -> read(ORGANISATION.replace("titleEn: Organisation", "titleEn: \"\"")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("`titleEn` is missing or empty");
    }

    @Test
    void moduleAndMainClassMustLookLikeWhatTheyName() {
        assertThatThrownBy(() -> read(ORGANISATION.replace("module: services/organisation", "module: ../elsewhere")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("`module`");
        assertThatThrownBy(() -> read(ORGANISATION.replace("org.dangjian.organisation.OrganisationApplication", "Application")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("`mainClass`");
    }

    @Test
    void aDocumentWithoutAServicesListIsRefused() {
        assertThatThrownBy(() -> ServiceRegistry.read(new StringReader("- name: organisation\n"), "test.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("services:");
        assertThatThrownBy(() -> ServiceRegistry.read(new StringReader("services: [\n"), "test.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ServiceRegistry.read(new StringReader("services: []\nroutes: []\n"), "test.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other than `services`");
    }
}
