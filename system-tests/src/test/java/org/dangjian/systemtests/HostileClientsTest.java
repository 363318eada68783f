package org.dangjian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.dangjian.conformance.AccessMatrix;
import org.dangjian.conformance.HostileInputCheck;
import org.dangjian.conformance.RawHttp;
import org.dangjian.launcher.Launcher;
import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;
import org.dangjian.runtime.security.Roles;
import org.dangjian.testsupport.DemoLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conformance kit's hostile input and access matrix, through the gateway of the platform as {@code ./run.sh}
 * starts it, with real tokens of the demo users (one per role) and the department's client: every service of the
 * registry, from its OpenAPI document as the gateway serves it. The service-side run is each service's conformance
 * test. And a service is not reachable around the gateway: it listens on loopback only.
 */
class HostileClientsTest {

    /** A demo user of each role (docs/identity.md); the department is a client. */
    static final Map<String, String> DEMO_USERS = Map.of(Roles.COMMITTEE_STAFF, "dangwei", Roles.BRANCH_SECRETARY, "shuji",
            Roles.PARTY_MEMBER, "dangyuan", Roles.DISCIPLINE_INSPECTOR, "jijian", Roles.AUDITOR, "shenji",
            Roles.PLATFORM_OPERATOR, "yunwei");

    static Launcher platform;
    static MongoClient mongo;
    static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.get();
        mongo = MongoClients.create(platform.mongoUri());
    }

    @AfterAll
    static void close() {
        if (mongo != null) {
            mongo.close();
        }
    }

    static String token(String role) {
        return tokens.computeIfAbsent(role, r -> r.equals(Roles.DEPARTMENT)
                ? DemoLogin.clientCredentialsToken(URI.create(platform.issuer()), "renshi-department", "renshi-secret")
                : DemoLogin.accessToken(URI.create(platform.issuer()), DEMO_USERS.get(r), "dangjian"));
    }

    static RawHttp gateway() {
        URI url = URI.create(platform.gatewayUrl());
        return new RawHttp(url.getHost(), url.getPort());
    }

    static JsonNode openApi(ServiceEntry service) {
        RawHttp.Answer document = gateway().send("GET", service.apiPrefix() + "/v3/api-docs", Map.of(), null);
        assertThat(document.status()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(document.body());
    }

    @Test
    void hostileInputThroughTheGatewayIsNeverA5xxAlwaysProblemJsonAndNeverStored() {
        long seed = Long.getLong("dangjian.fuzz.seed", new java.util.Random().nextLong());
        // the gateway's handling is the same for every service (its routes come from the registry, and it reads no body or
        // parameter): one service's endpoints, chosen by the seed, so that runs go round all of them
        List<ServiceEntry> all = ServiceRegistry.load().services();
        List<ServiceEntry> services = List.of(all.get((int) Math.floorMod(seed, (long) all.size())));
        for (ServiceEntry service : services) {
            // the audit service also records events by itself (its periodic checkpoint, a replay's end): left out of the count
            java.util.Set<String> byItself = service.name().equals(org.dangjian.contracts.audit.AuditEvents.SERVICE)
                    ? org.dangjian.contracts.audit.AuditEvents.RECORDED_BY_ITSELF.stream().map(org.dangjian.contracts.EventTypes::of)
                            .collect(java.util.stream.Collectors.toSet())
                    : java.util.Set.of();
            HostileInputCheck check = new HostileInputCheck(gateway(), service.apiPrefix(), HostileClientsTest::token,
                    () -> byItself.isEmpty() ? mongo.getDatabase(service.name()).getCollection("events").estimatedDocumentCount()
                            : mongo.getDatabase(service.name()).getCollection("events").countDocuments(
                                    com.mongodb.client.model.Filters.nin("type", byItself)));

            // every path, parameter, header, encoding and size through the gateway, and bodies that are not JSON, too deep,
            // too large or wrongly encoded; no property's hand-picked values and no random cases (the gateway passes bodies and
            // parameters through unread: each service's own conformance run sends every property's and 8 random cases an endpoint);
            // half of the hand-picked ids and parameter values per endpoint, chosen by the seed (the gateway treats every route alike)
            HostileInputCheck.Outcome outcome = check.run(openApi(service), seed, 0, 0, 2);
            org.slf4j.LoggerFactory.getLogger(HostileClientsTest.class).info("Hostile input to {} through the gateway: {} requests "
                    + "(seed {}), answered {}", service.name(), outcome.sent(), seed, outcome.statuses());

            assertThat(outcome.findings()).as("%s through the gateway (seed %d, -Ddangjian.fuzz.seed=%d repeats it)", service.name(), seed, seed)
                    .isEmpty();
            assertThat(outcome.sent()).as("requests sent: %s", outcome.statuses()).isGreaterThan(200);
        }
    }

    @Test
    void everyRoleAndTheDepartmentGetWhatTheRulesSayThroughTheGateway() {
        List<String> roles = Roles.ALL;
        // every role against every endpoint of one service, chosen by the seed (runs go round all of them): the gateway routes
        // every service by the registry and checks tokens alike, and each service's own conformance test runs its whole matrix
        long seed = Long.getLong("dangjian.fuzz.seed", new java.util.Random().nextLong());
        List<ServiceEntry> all = ServiceRegistry.load().services();
        ServiceEntry chosen = all.get((int) Math.floorMod(seed, (long) all.size()));
        org.slf4j.LoggerFactory.getLogger(HostileClientsTest.class).info("Access matrix through the gateway: {} (seed {})", chosen.name(), seed);
        for (ServiceEntry service : List.of(chosen)) {
            AccessMatrix.Outcome outcome = new AccessMatrix(gateway(), service.apiPrefix(), HostileClientsTest::token)
                    .run(openApi(service), roles);

            assertThat(outcome.findings()).as("%s: the access matrix %s", service.name(), outcome.matrix()).isEmpty();
        }
    }

    @Test
    void aServiceListensOnLoopbackOnlySoNobodyReachesItAroundTheGateway() throws Exception {
        List<InetAddress> elsewhere = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address).toList();
        for (ServiceEntry service : ServiceRegistry.load().services()) {
            int port = URI.create(platform.serviceUrl(service.name())).getPort();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            for (InetAddress address : elsewhere) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2_000);
                    throw new AssertionError(service.name() + " answers on " + address.getHostAddress() + ":" + port
                            + "; it must listen on loopback only");
                } catch (java.io.IOException refused) {
                    // as it should
                }
            }
        }
    }
}
