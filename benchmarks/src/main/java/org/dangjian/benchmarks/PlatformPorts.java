package org.dangjian.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;

/**
 * Where the launcher puts each part of the platform: the same variables and defaults as the launcher reads
 * ({@code DANGJIAN_<PART>_PORT}, else 8080, 9000, 9092, 27017 and each service's registry port), the gateway's port
 * from {@code --gateway-url}.
 */
record PlatformPorts(int gateway, int identity, int kafka, int mongo, Map<String, Integer> services) {

    static PlatformPorts from(Map<String, String> env, int gatewayPort) {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (ServiceEntry service : ServiceRegistry.load().services()) {
            services.put(service.name(), port(env, service.portVariable(), service.port()));
        }
        return new PlatformPorts(gatewayPort, port(env, "DANGJIAN_IDP_PORT", 9000), port(env, "DANGJIAN_KAFKA_PORT", 9092),
                port(env, "DANGJIAN_MONGO_PORT", 27017), Map.copyOf(services));
    }

    String issuer() {
        return "http://localhost:" + identity; // the launcher's issuer: tokens name it as iss
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafka;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongo;
    }

    /** A service straight at its own port on loopback, not through the gateway. */
    String serviceUrl(String name) {
        return ServiceEntry.localUrl(services.get(name));
    }

    private List<Integer> all() {
        List<Integer> all = new java.util.ArrayList<>(List.of(gateway, identity, kafka, mongo));
        all.addAll(services.values());
        return all;
    }

    /**
     * Waits until no port of the platform is taken (another run, someone else's platform); never kills anything.
     *
     * @throws IllegalStateException when they are still taken after {@code patience}
     */
    void awaitFree(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (true) {
            List<Integer> busy = all().stream().filter(port -> !free(port)).toList();
            if (busy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ports " + busy + " are still in use after " + patience.toMinutes() + " min; is a platform running?");
            }
            if (!told) {
                System.out.println("ports " + busy + " are in use (another run of the platform?): waiting until they are free");
                told = true;
            }
            Thread.sleep(5000);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
