package org.dangjian.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.dangjian.infra.embedded.FreePorts;
import org.dangjian.launcher.Launcher;
import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;

/**
 * The whole platform, started once per test JVM by the launcher exactly as {@code ./run.sh} starts it (built jars,
 * child JVMs, embedded Kafka and Mongo, the demo tree), on free ports and a temporary data directory; stopped when
 * the JVM exits. System tests share it.
 */
final class RunningPlatform {

    private static Launcher platform;

    private RunningPlatform() {
    }

    static synchronized Launcher get() throws Exception {
        if (platform == null) {
            Path dataDir = Files.createTempDirectory("dangjian-system-tests");
            Map<String, String> env = new HashMap<>();
            env.put("DANGJIAN_HOME", Path.of("..").toAbsolutePath().normalize().toString());
            env.put("DANGJIAN_DATA_DIR", dataDir.toString());
            // a fresh clone has no class-data archives, and writing them when the tests end would cost a minute of CI:
            // the launcher's ClassDataSharingTest runs sharing with a real application instead
            env.put("DANGJIAN_CLASS_SHARING", "false");
            java.util.List<ServiceEntry> services = ServiceRegistry.load().services();
            java.util.Deque<Integer> ports = FreePorts.pick(4 + services.size()); // all different
            env.put("DANGJIAN_GATEWAY_PORT", Integer.toString(ports.pop()));
            env.put("DANGJIAN_IDP_PORT", Integer.toString(ports.pop()));
            for (ServiceEntry service : services) {
                env.put(service.portVariable(), Integer.toString(ports.pop()));
            }
            env.put("DANGJIAN_KAFKA_PORT", Integer.toString(ports.pop()));
            env.put("DANGJIAN_MONGO_PORT", Integer.toString(ports.pop()));
            Launcher started = Launcher.start(env);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "system-tests-platform-stop"));
            platform = started;
        }
        return platform;
    }
}
