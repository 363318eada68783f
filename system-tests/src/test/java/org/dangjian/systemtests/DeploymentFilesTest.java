package org.dangjian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.dangjian.contracts.EventTypes;
import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.registry.ComposeFile;
import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.dangjian.runtime.config.PlatformDefaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The real deployment's files, read as a deployer relies on them: {@code docker-compose.yml} at the repository root
 * and the Jib configuration in the POMs that builds the images it runs. No Docker engine is needed: the files are
 * parsed (SnakeYAML, the JDK's XML parser) and checked against each other, against the applications' own
 * configuration and against the service registry (服务注册表, infra/registry) that the compose file is rendered from
 * and that lists the services checked here. See docs/deployment.md.
 */
class DeploymentFilesTest {

    /** The tests run in the system-tests module's directory; the repository root is its parent. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The platform's services; every check of a service below is made for each of them. */
    static final ServiceRegistry REGISTRY = ServiceRegistry.load();

    /** One of our applications: its compose service, its Maven module, the port it listens on. */
    record App(String service, String module, int port) {

        static App of(ServiceEntry entry) {
            return new App(entry.name(), entry.module(), entry.port());
        }
    }

    static final App IDENTITY = new App("identity", "infra/identity-provider", 9000);
    static final App GATEWAY = new App("gateway", "gateway", 8080);
    static final List<App> SERVICES = REGISTRY.services().stream().map(App::of).toList();
    static final List<App> APPS = Stream.concat(Stream.of(IDENTITY, GATEWAY), SERVICES.stream()).toList();

    static final List<String> ALL_SERVICES = Stream.concat(Stream.of("kafka", "mongo", "identity", "gateway"),
            SERVICES.stream().map(App::service)).toList();

    /**
     * Who waits for whom, healthy: a service needs its store, its broker and the keys of its tokens; the gateway the
     * provider and every service.
     */
    static final Map<String, Set<String>> DEPENDENCIES = dependencies();

    /** The environment each application reads (application.yml, the runtime's PlatformDefaults, the registry). */
    static final Map<String, List<String>> REQUIRED_ENVIRONMENT = requiredEnvironment();

    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        Set<String> gateway = new LinkedHashSet<>(List.of(IDENTITY.service()));
        for (App service : SERVICES) {
            dependencies.put(service.service(), Set.of("kafka", "mongo", IDENTITY.service()));
            gateway.add(service.service());
        }
        dependencies.put(GATEWAY.service(), gateway);
        return dependencies;
    }

    static Map<String, List<String>> requiredEnvironment() {
        Map<String, List<String>> required = new LinkedHashMap<>();
        required.put(IDENTITY.service(), List.of("DANGJIAN_ISSUER", "DANGJIAN_DATA_DIR", "DANGJIAN_WEB_CLIENT_SECRET",
                "DANGJIAN_DEPARTMENT_CLIENT_SECRET"));
        List<String> gateway = new ArrayList<>(List.of("DANGJIAN_ISSUER", "DANGJIAN_IDENTITY_INTERNAL_URL", "DANGJIAN_WEB_CLIENT_SECRET"));
        for (ServiceEntry service : REGISTRY.services()) {
            required.put(service.name(), List.of(service.portVariable(), "DANGJIAN_MONGO_URI", "DANGJIAN_KAFKA", "DANGJIAN_ISSUER",
                    "DANGJIAN_ISSUER_INTERNAL", "DANGJIAN_EVENTING_REPLICATIONFACTOR", "DANGJIAN_BIND_ADDRESS", "DANGJIAN_TRUSTED_PROXIES"));
            gateway.add(service.urlVariable());
        }
        required.put(GATEWAY.service(), gateway);
        return required;
    }

    /**
     * Variables that reach a property by Spring's relaxed binding of environment variables rather than by a
     * {@code ${VAR}} placeholder in the sources; each with the property it sets.
     */
    static final Map<String, String> RELAXED_BINDINGS = Map.of(
            "DANGJIAN_EVENTING_REPLICATIONFACTOR", "dangjian.eventing.replication-factor",
            "DANGJIAN_IDENTITY_WEBREDIRECTURIS_0", "dangjian.identity.web-redirect-uris[0]",
            "DANGJIAN_IDENTITY_WEBPOSTLOGOUTREDIRECTURIS_0", "dangjian.identity.web-post-logout-redirect-uris[0]");

    static final List<String> SECRETS = List.of("DANGJIAN_WEB_CLIENT_SECRET", "DANGJIAN_DEPARTMENT_CLIENT_SECRET");

    static Map<String, Object> compose;
    static Map<String, Object> services;
    static Document rootPom;

    @BeforeAll
    static void readFiles() throws Exception {
        Path file = ROOT.resolve("docker-compose.yml");
        assertThat(file).as("docker-compose.yml at the repository root (%s)", ROOT).exists();
        try (Reader reader = Files.newBufferedReader(file)) {
            compose = new Yaml().load(reader);
        }
        services = map(compose.get("services"), "services");
        rootPom = xml(ROOT.resolve("pom.xml"));
    }

    @Test
    void everyPartOfThePlatformIsAService() {
        assertThat(services.keySet())
                .as("docker-compose.yml runs Kafka, MongoDB, the identity provider, the gateway and the registry's services, and"
                        + " nothing else")
                .containsExactlyInAnyOrderElementsOf(ALL_SERVICES);
    }

    @Test
    void theComposeFileIsTheOneTheRegistryRenders() throws IOException {
        String version = text(rootPom, "/project/version");
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8))
                .as("docker-compose.yml is generated from the service registry (infra/registry/src/main/resources/dangjian/"
                        + "services.yaml and the docker-compose.*.yml templates beside it); every build renders it. Render it"
                        + " with `./mvnw -q -pl infra/registry process-classes` and commit it; to change it, change the"
                        + " registry or the templates")
                .isEqualTo(ComposeFile.render(REGISTRY, version));
    }

    @Test
    void everyRegistryEntryAgreesWithItsModule() throws Exception {
        String modules = nodesText(rootPom, "/project/modules/module");
        for (ServiceEntry service : REGISTRY.services()) {
            Path module = ROOT.resolve(service.module());
            assertThat(module.resolve("pom.xml")).as("the registry's %s is the Maven module %s", service.name(), service.module())
                    .exists();
            assertThat(modules).as("the root pom.xml builds %s", service.module()).contains("<" + service.module() + ">");
            Document pom = xml(module.resolve("pom.xml"));
            assertThat(text(pom, "/project/artifactId"))
                    .as("%s's artifactId is <name>-service: its image is named after it", service.module())
                    .isEqualTo(service.artifactId());
            String jib = "/project/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container";
            assertThat(text(pom, jib + "/mainClass")).as("%s's image starts the registry's main class", service.module())
                    .isEqualTo(service.mainClass());
            assertThat(text(pom, jib + "/ports/port")).as("%s's image exposes the registry's port", service.module())
                    .isEqualTo(String.valueOf(service.port()));
            assertThat(module.resolve("src/main/java").resolve(service.mainClass().replace('.', '/') + ".java"))
                    .as("the registry's main class of %s exists", service.name()).exists();

            Map<String, Object> configuration;
            try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.yml"))) {
                configuration = new Yaml().load(reader);
            }
            assertThat(map(map(configuration.get("dangjian"), "dangjian").get("service"), "dangjian.service").get("name"))
                    .as("%s's dangjian.service.name is its registry name (it picks the entry at start)", service.module())
                    .isEqualTo(service.name());
            assertThat(platformDefaults(service.name()))
                    .as("the runtime's defaults give %s its registry port, overridable by %s", service.name(), service.portVariable())
                    .containsEntry("server.port", "${" + service.portVariable() + ":" + service.port() + "}")
                    .containsEntry("spring.application.name", service.name());
        }
    }

    /** The services the plan names whose published language comes before their module (none now: all five are built). */
    static final java.util.Set<String> PLANNED_SERVICES = java.util.Set.of();

    @Test
    void everyTopicInTheContractsIsItsServicesRegistryTopic() throws Exception {
        assertThat(OrganisationEvents.TOPIC).as("the organisation service publishes on its registry topic")
                .isEqualTo(REGISTRY.named(OrganisationEvents.SERVICE).topic());
        List<JavaClass> events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dangjian.contracts").stream()
                .filter(type -> type.getSimpleName().endsWith("Events") && type.tryGetField("SERVICE").isPresent())
                .toList();
        assertThat(events).as("contracts has an *Events class with SERVICE and TOPIC per publishing service").isNotEmpty();
        for (JavaClass type : events) {
            Class<?> loaded = type.reflect();
            String service = (String) loaded.getField("SERVICE").get(null);
            if (REGISTRY.find(service).isEmpty()) {
                // the published language of a service the plan names but that is not built yet (its readers come first):
                // it still follows the platform's naming, and only the planned services may do so (a typo fails here)
                assertThat(PLANNED_SERVICES).as("%s.SERVICE names a service of the registry or a planned one", type.getName()).contains(service);
                assertThat(loaded.getField("TOPIC").get(null)).as("%s.TOPIC", type.getName()).isEqualTo(EventTypes.topicOf(service));
                continue;
            }
            assertThat(loaded.getField("TOPIC").get(null)).as("%s.TOPIC is the registry's topic of %s", type.getName(), service)
                    .isEqualTo(REGISTRY.named(service).topic());
        }
    }

    @Test
    void everyServiceReportsItsHealth() {
        for (String name : services.keySet()) {
            Map<String, Object> healthcheck = map(service(name).get("healthcheck"), name + ".healthcheck");
            assertThat(command(healthcheck.get("test")))
                    .as("%s has a health check: docker compose waits on it (depends_on: service_healthy) and shows it in `ps`", name)
                    .isNotBlank();
        }
        for (App app : APPS) {
            String test = command(map(service(app.service()).get("healthcheck"), app.service()).get("test"));
            assertThat(test)
                    .as("%s is healthy when its readiness probe answers on its own port: /actuator/health would also report"
                            + " the services behind it (the gateway's goes DOWN with any of them)", app.service())
                    .contains("localhost:" + app.port() + "/actuator/health/readiness");
        }
    }

    @Test
    void everyServiceComesBackAfterACrashOrAReboot() {
        for (String name : services.keySet()) {
            assertThat(service(name).get("restart"))
                    .as("%s restarts on its own (a JVM that runs out of memory exits: -XX:+ExitOnOutOfMemoryError)", name)
                    .isEqualTo("unless-stopped");
        }
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        DEPENDENCIES.forEach((name, needs) -> {
            Map<String, Object> dependsOn = map(service(name).get("depends_on"), name + ".depends_on");
            assertThat(dependsOn.keySet()).as("%s waits for %s", name, needs).containsAll(needs);
            for (String need : needs) {
                assertThat(map(dependsOn.get(need), name + ".depends_on." + need).get("condition"))
                        .as("%s waits until %s is healthy, not merely started", name, need)
                        .isEqualTo("service_healthy");
            }
        });
    }

    @Test
    void onlyTheGatewayAndTheIdentityProviderArePublished() {
        Set<String> published = new LinkedHashSet<>();
        services.forEach((name, definition) -> {
            if (map(definition, name).get("ports") instanceof List<?> ports && !ports.isEmpty()) {
                published.add(name);
            }
        });
        assertThat(published)
                .as("the gateway is the one public door; the identity provider is published only because browsers sign in"
                        + " there; Kafka, MongoDB and the services are reached through the gateway or not at all")
                .containsExactlyInAnyOrder(GATEWAY.service(), IDENTITY.service());
        assertThat(containerPorts(GATEWAY.service())).as("the gateway publishes its port").containsExactly(GATEWAY.port());
        assertThat(containerPorts(IDENTITY.service())).as("the identity provider publishes its port").containsExactly(IDENTITY.port());
    }

    @Test
    void applicationImagesAreTheOnesJibBuilds() throws Exception {
        String version = text(rootPom, "/project/version");
        String registry = text(rootPom, "/project/properties/image.registry");
        String template = text(rootPom, "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/configuration/to/image");
        assertThat(template).as("Jib names every image <registry>/<artifactId>:<version>")
                .isEqualTo("${image.registry}/${project.artifactId}:${project.version}");
        for (ServiceEntry service : REGISTRY.services()) {
            assertThat(service(service.name()).get("image")).as("%s runs the image the registry names", service.name())
                    .isEqualTo(service.image(version));
        }
        for (App app : APPS) {
            Document pom = xml(ROOT.resolve(app.module()).resolve("pom.xml"));
            String artifactId = text(pom, "/project/artifactId");
            String expected = registry + "/" + artifactId + ":" + version;
            assertThat(service(app.service()).get("image"))
                    .as("%s runs the image that `-Pimages` builds from %s (%s); a new version must change both", app.service(),
                            app.module(), expected)
                    .isEqualTo(expected);

            String jib = "/project/build/plugins/plugin[artifactId='jib-maven-plugin']";
            assertThat(nodes(pom, jib).getLength()).as("%s builds its image with Jib", app.module()).isEqualTo(1);
            String mainClass = text(pom, jib + "/configuration/container/mainClass");
            assertThat(ROOT.resolve(app.module()).resolve("src/main/java").resolve(mainClass.replace('.', '/') + ".java"))
                    .as("the image of %s starts %s, which must exist (Jib does not read the *-exec.jar's manifest)",
                            app.module(), mainClass)
                    .exists();
            assertThat(text(pom, jib + "/configuration/container/ports/port"))
                    .as("the image of %s exposes the port it listens on", app.module())
                    .isEqualTo(String.valueOf(app.port()));
            assertThat(nodes(pom, jib + "/executions").getLength())
                    .as("%s binds no Jib goal: `./mvnw verify` must not need a Docker engine or a registry", app.module())
                    .isZero();
        }
        assertThat(nodes(rootPom, "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/executions").getLength())
                .as("Jib runs only with -Pimages, never in the default build").isZero();
        assertThat(text(rootPom, "/project/profiles/profile[id='images']/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/executions/execution/phase"))
                .as("-Pimages builds the images at package").isEqualTo("package");
        assertThat(text(rootPom, "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container/user"))
                .as("the applications never run as root").doesNotStartWith("0").doesNotStartWith("root").isNotBlank();
    }

    @Test
    void everyApplicationGetsTheEnvironmentItReads() throws IOException {
        REQUIRED_ENVIRONMENT.forEach((name, required) -> assertThat(environment(name).keySet())
                .as("%s is given every variable it needs", name)
                .containsAll(required));
        List<String> serviceUrls = REGISTRY.services().stream().map(ServiceEntry::urlVariable).toList();
        assertThat(Files.readString(ROOT.resolve("gateway/src/main/java/org/dangjian/gateway/routes/ServiceRoutes.java")))
                .as("the gateway reads each service's DANGJIAN_<NAME>_URL by the name the registry gives it")
                .contains("getProperty(service.urlVariable()");
        assertThat(Files.readString(ROOT.resolve("services/audit/src/main/java/org/dangjian/audit/integrity/StoreClient.java")))
                .as("a service that reads the others' stores finds them by the registry's DANGJIAN_<NAME>_URL")
                .contains("getProperty(entry.urlVariable())");
        for (App app : APPS) {
            String sources = applicationSources(app);
            boolean readsStores = REGISTRY.find(app.service()).map(ServiceEntry::readsStores).orElse(false);
            for (String variable : environment(app.service()).keySet()) {
                if (RELAXED_BINDINGS.containsKey(variable) || (app == GATEWAY || readsStores) && serviceUrls.contains(variable)) {
                    continue;
                }
                assertThat(sources)
                        .as("%s sets %s, which %s reads (a misspelt variable would be ignored silently)", app.service(),
                                variable, app.module())
                        .contains("${" + variable);
            }
        }
        assertThat(Files.readString(ROOT.resolve("services/event-sourcing-runtime/src/main/java/org/dangjian/runtime/config/PlatformProperties.java")))
                .as("DANGJIAN_EVENTING_REPLICATIONFACTOR binds to dangjian.eventing.replication-factor")
                .contains("short replicationFactor");
    }

    @Test
    void browsersAndServicesAgreeOnTheIssuer() {
        String issuer = environment(IDENTITY.service()).get("DANGJIAN_ISSUER");
        for (App app : APPS) {
            assertThat(environment(app.service()).get("DANGJIAN_ISSUER"))
                    .as("%s expects the issuer the identity provider writes into its tokens (`iss`): one URL for all", app.service())
                    .isEqualTo(issuer);
        }
        assertThat(defaultValue(issuer))
                .as("the issuer is a URL browsers reach: the identity provider's published port")
                .isEqualTo("http://localhost:" + IDENTITY.port());
        String internal = "http://" + IDENTITY.service() + ":" + IDENTITY.port();
        assertThat(environment(GATEWAY.service()).get("DANGJIAN_IDENTITY_INTERNAL_URL"))
                .as("the gateway reaches the token, JWKS and userinfo endpoints over the containers' network").isEqualTo(internal);
        for (ServiceEntry service : REGISTRY.services()) {
            assertThat(environment(service.name()).get("DANGJIAN_ISSUER_INTERNAL"))
                    .as("%s fetches the token keys (JWKS) over the containers' network", service.name()).isEqualTo(internal);
            assertThat(environment(GATEWAY.service()).get(service.urlVariable()))
                    .as("the gateway routes %s to the %s service's port", service.route(), service.name())
                    .isEqualTo("http://" + service.name() + ":" + service.port());
            assertThat(environment(service.name()).getOrDefault(service.portVariable(), String.valueOf(service.port())))
                    .as("%s listens where the gateway sends requests", service.name()).isEqualTo(String.valueOf(service.port()));
        }
    }

    @Test
    void secretsComeFromTheDeployersEnvironment() {
        for (String secret : SECRETS) {
            assertThat(environment(IDENTITY.service()).get(secret))
                    .as("the identity provider takes %s from the environment of `docker compose` (${%s:?...}): compose "
                            + "refuses to start without it, there is no default", secret, secret)
                    .matches(Pattern.quote("${" + secret + ":?") + "[^}]+}");
        }
        assertThat(environment(GATEWAY.service()).get("DANGJIAN_WEB_CLIENT_SECRET"))
                .as("the gateway presents the same web client secret the identity provider checks")
                .isEqualTo(environment(IDENTITY.service()).get("DANGJIAN_WEB_CLIENT_SECRET"));
    }

    @Test
    void kafkaIsOneKRaftNodeThatKeepsEveryEventAndCreatesNoTopicOnItsOwn() {
        Map<String, Object> kafka = service("kafka");
        String kafkaVersion = text(rootPom, "/project/properties/kafka.version");
        assertThat(kafka.get("image")).as("the broker runs the Kafka version the services' clients are built with")
                .isEqualTo("apache/kafka:" + kafkaVersion);
        Map<String, String> env = environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).as("KRaft: the node is broker and controller, no ZooKeeper")
                .contains("broker").contains("controller");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as("the node votes in its own controller quorum")
                .startsWith(env.get("KAFKA_NODE_ID") + "@");
        assertThat(env).as("a KRaft node needs its listeners named")
                .containsKeys("KAFKA_LISTENERS", "KAFKA_ADVERTISED_LISTENERS", "KAFKA_CONTROLLER_LISTENER_NAMES",
                        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CLUSTER_ID");
        assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).as("one broker: one replica of the offsets topic").isEqualTo("1");
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).as("one broker: one replica of the transaction log").isEqualTo("1");
        assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
                .as("each service creates its own topic with its partitions and retention; a typo must not create another").isEqualTo("false");
        assertThat(env.get("KAFKA_LOG_RETENTION_MS")).as("events are kept forever: read models are rebuilt from offset 0").isEqualTo("-1");
        for (App service : SERVICES) {
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS"))
                    .as("the broker advertises the address %s bootstraps from", service.service())
                    .contains("://" + environment(service.service()).get("DANGJIAN_KAFKA"));
            assertThat(Integer.parseInt(environment(service.service()).get("DANGJIAN_EVENTING_REPLICATIONFACTOR")))
                    .as("the %s topic asks for no more replicas than there are brokers (one), or it cannot be created",
                            service.service())
                    .isEqualTo(1);
        }
        assertThat(volumeTargets("kafka")).as("the broker's log dir (every published event) is on a named volume")
                .contains(env.get("KAFKA_LOG_DIRS"));
    }

    @Test
    void mongoRunsAsAReplicaSetThatTheServicesJoin() {
        Map<String, Object> mongo = service("mongo");
        assertThat(String.valueOf(mongo.get("image"))).as("MongoDB 8.0").startsWith("mongo:8.0");
        assertThat(command(mongo.get("command"))).as("mongod starts as a member of the replica set rs0").contains("--replSet rs0");
        String healthcheck = command(map(mongo.get("healthcheck"), "mongo.healthcheck").get("test"));
        assertThat(healthcheck)
                .as("the health check initiates the one-member set on the first start, under the name the services resolve")
                .contains("rs.initiate").contains("'rs0'").contains("mongo:27017");
        assertThat(healthcheck).as("MongoDB is healthy only once it is the writable primary").contains("isWritablePrimary");
        for (App service : SERVICES) {
            String uri = environment(service.service()).get("DANGJIAN_MONGO_URI");
            assertThat(uri).as("%s connects to the replica set with majority writes", service.service())
                    .startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0").contains("w=majority");
        }
        assertThat(volumeTargets("mongo")).as("the database files are on a named volume").contains("/data/db");
    }

    @Test
    void stateSurvivesRecreatedContainersOnNamedVolumes() {
        Map<String, Object> declared = map(compose.get("volumes"), "volumes");
        Set<String> used = new LinkedHashSet<>();
        services.forEach((name, definition) -> {
            for (String[] mount : mounts(name)) {
                assertThat(declared).as("%s mounts the named volume %s, declared under volumes:", name, mount[0]).containsKey(mount[0]);
                used.add(mount[0]);
            }
        });
        assertThat(used).as("every declared volume is used").containsAll(declared.keySet());
        assertThat(volumeTargets(IDENTITY.service()))
                .as("the identity provider's signing key (DANGJIAN_DATA_DIR) is on a named volume: tokens survive a restart")
                .contains(environment(IDENTITY.service()).get("DANGJIAN_DATA_DIR"));
        assertThat(ROOT.resolve("infra/deploy/jib/identity-provider/data"))
                .as("the identity provider's image creates its data directory writable for its non-root user").isDirectory();
    }

    @Test
    void applicationsHaveAMemoryLimitTheirHeapFollows() {
        for (App app : APPS) {
            assertThat(service(app.service()).get("mem_limit"))
                    .as("%s has a memory limit; the JVM sizes its heap from it (-XX:MaxRAMPercentage in the Jib configuration)",
                            app.service())
                    .isNotNull();
        }
        assertThat(text(rootPom, "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container/jvmFlags"))
                .contains("-XX:MaxRAMPercentage");
    }

    // --- reading the files -----------------------------------------------------------------------------------------

    static Map<String, Object> service(String name) {
        assertThat(services).as("docker-compose.yml defines the service %s", name).containsKey(name);
        return map(services.get(name), name);
    }

    /** A service's environment, whether written as a map or as a list of NAME=value; values as strings. */
    static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return result;
    }

    /** The named-volume mounts of a service: {volume, target}. */
    static List<String[]> mounts(String name) {
        List<String[]> result = new ArrayList<>();
        if (service(name).get("volumes") instanceof List<?> volumes) {
            for (Object volume : volumes) {
                if (volume instanceof Map<?, ?> longSyntax && "volume".equals(longSyntax.get("type"))) {
                    result.add(new String[] {String.valueOf(longSyntax.get("source")), String.valueOf(longSyntax.get("target"))});
                } else if (volume instanceof String shortSyntax && !shortSyntax.startsWith(".") && !shortSyntax.startsWith("/")) {
                    String[] parts = shortSyntax.split(":");
                    result.add(new String[] {parts[0], parts[1]});
                }
            }
        }
        return result;
    }

    static List<String> volumeTargets(String name) {
        return mounts(name).stream().map(mount -> mount[1]).toList();
    }

    /** The container ports a service publishes ("host:container", "ip:host:container" or the long syntax). */
    static List<Integer> containerPorts(String name) {
        List<Integer> result = new ArrayList<>();
        if (service(name).get("ports") instanceof List<?> ports) {
            for (Object port : ports) {
                if (port instanceof Map<?, ?> longSyntax) {
                    result.add(Integer.parseInt(String.valueOf(longSyntax.get("target"))));
                } else {
                    String[] parts = String.valueOf(port).split("/")[0].split(":");
                    result.add(Integer.parseInt(parts[parts.length - 1]));
                }
            }
        }
        return result;
    }

    /** A command or health-check test (list or string) as one string; a leading CMD or CMD-SHELL is dropped. */
    static String command(Object command) {
        if (command instanceof List<?> parts) {
            List<String> words = new ArrayList<>(parts.stream().map(String::valueOf).toList());
            if (!words.isEmpty() && words.get(0).startsWith("CMD")) {
                words.remove(0);
            }
            return String.join(" ", words);
        }
        return command == null ? "" : String.valueOf(command);
    }

    /** The default of a {@code ${VAR:-default}} value, or the value itself. */
    static String defaultValue(String value) {
        Matcher matcher = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}").matcher(value);
        return matcher.matches() ? matcher.group(1) : value;
    }

    /**
     * What an application reads its environment from: its application.yml, and for a service the defaults the runtime's
     * PlatformDefaults gives it (the values, with their {@code ${VAR:default}} placeholders).
     */
    static String applicationSources(App app) throws IOException {
        StringBuilder sources = new StringBuilder(Files.readString(ROOT.resolve(app.module()).resolve("src/main/resources/application.yml")));
        if (REGISTRY.find(app.service()).isPresent()) {
            platformDefaults(app.service()).values().forEach(value -> sources.append('\n').append(value));
        }
        return sources.toString();
    }

    /** The defaults PlatformDefaults adds to the environment of the service of that name. */
    static Map<String, Object> platformDefaults(String service) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of("dangjian.service.name", service)));
        Set<String> before = new LinkedHashSet<>();
        environment.getPropertySources().forEach(source -> before.add(source.getName()));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!before.contains(source.getName()) && source instanceof EnumerablePropertySource<?> added) {
                for (String name : added.getPropertyNames()) {
                    defaults.put(name, added.getProperty(name));
                }
            }
        }
        assertThat(defaults).as("PlatformDefaults adds the services' defaults").isNotEmpty();
        return defaults;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        assertThat(value).as("%s in docker-compose.yml is a mapping", what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static Document xml(Path file) throws Exception {
        // not namespace aware: XPath by the POM's plain element names
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    static String text(Document document, String xpath) {
        try {
            String text = (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
            assertThat(text).as("%s in %s", xpath, document.getDocumentURI()).isNotBlank();
            return text.strip();
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The elements at the path, each as {@code <text>}, in one string. */
    static String nodesText(Document document, String xpath) {
        NodeList nodes = nodes(document, xpath);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            text.append('<').append(nodes.item(i).getTextContent().strip()).append('>');
        }
        return text.toString();
    }

    static NodeList nodes(Document document, String xpath) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
