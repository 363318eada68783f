package org.dangjian.systemtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape the platform keeps as it grows: services never import each other's code (they share only
 * {@code contracts}, and the runtime library every service is built on); the shared pieces never reach into a
 * service; the edge (gateway, identity provider) knows no service's code; and inside a service the write side does
 * not lean on its read side or its web layer.
 */
class ArchitectureTest {

    /** Every service's base package, present or planned (see ARCHITECTURE.md). */
    static final List<String> SERVICES = List.of("organisation", "members", "discipline", "activities", "audit", "subscriptions");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dangjian");
    }

    @Test
    void servicesNeverImportEachOthersPackages() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "org.dangjian." + s + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.dangjian." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services share only contracts; talk through published events")
                    .allowEmptyShould(true)
                    .check(classes);
            noClasses().that().resideInAPackage("org.dangjian." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.dangjian.gateway..", "org.dangjian.identity..",
                            "org.dangjian.launcher..", "org.dangjian.infra..", "org.dangjian.testsupport..")
                    .because("a service knows only contracts and the runtime library")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void theSharedPiecesNeverDependOnAService() {
        String[] services = SERVICES.stream().map(s -> "org.dangjian." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("org.dangjian.contracts..", "org.dangjian.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage(services)
                .check(classes);
        noClasses().that().resideInAPackage("org.dangjian.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dangjian.runtime..", "org.springframework..", "org.axonframework..")
                .because("the published language is plain records that any consumer can use")
                .check(classes);
    }

    @Test
    void theEdgeKnowsNoServiceCode() {
        String[] inside = java.util.stream.Stream.concat(SERVICES.stream().map(s -> "org.dangjian." + s + ".."),
                java.util.stream.Stream.of("org.dangjian.runtime..")).toArray(String[]::new);
        noClasses().that().resideInAnyPackage("org.dangjian.gateway..", "org.dangjian.identity..")
                .should().dependOnClassesThat().resideInAnyPackage(inside)
                .check(classes);
    }

    @Test
    void theWriteSideDoesNotLeanOnReadModelsOrTheWebLayer() {
        for (String service : SERVICES) {
            noClasses().that().resideInAPackage("org.dangjian." + service + ".command..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.dangjian." + service + ".query..",
                            "org.dangjian." + service + ".web..")
                    .because("the write side decides on its own streams; a read model reaches it only through a port it defines")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
