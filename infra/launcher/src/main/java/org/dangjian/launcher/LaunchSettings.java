package org.dangjian.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dangjian.registry.ServiceEntry;
import org.dangjian.registry.ServiceRegistry;

/**
 * Where things run and live. Every value comes from an environment variable with a default; {@code --data-dir=...}
 * on the command line overrides {@code DANGJIAN_DATA_DIR}. The services are those of the service registry
 * (服务注册表), each on {@code DANGJIAN_<NAME>_PORT}, else its registry port.
 *
 * @param home         the repository checkout (to find the built application jars)
 * @param dataDir      everything that must survive a restart: Mongo's file, Kafka's log, the signing key, logs
 * @param gatewayPort  the one public port ({@code DANGJIAN_GATEWAY_PORT}, 8080)
 * @param identityPort the identity provider ({@code DANGJIAN_IDP_PORT}, 9000): browsers are sent there to sign in
 * @param kafkaPort    the embedded Kafka broker ({@code DANGJIAN_KAFKA_PORT}, 9092)
 * @param mongoPort    the embedded Mongo server ({@code DANGJIAN_MONGO_PORT}, 27017)
 * @param demo         demo mode (演示模式) of the identity provider: the demo users and the demo clients, with their
 *                     documented password and secrets ({@code DANGJIAN_DEMO}, true: the embedded default is a demo;
 *                     {@code DANGJIAN_DEMO_USERS} is its former name, read when {@code DANGJIAN_DEMO} is not set)
 * @param demoData     whether to load the demo organisation tree into an empty store ({@code DANGJIAN_DEMO_DATA}, true;
 *                     only in demo mode: the tree is loaded as the demo client {@code demo-data-loader})
 * @param services     the registry's services, in its order
 * @param servicePorts each service's port, by name
 * @param extraJvmOptions {@code DANGJIAN_JAVA_OPTIONS}, appended to every child JVM's options
 * @param classSharing whether the child JVMs share class data between starts ({@code DANGJIAN_CLASS_SHARING}, true:
 *                     {@link ClassDataSharing})
 */
record LaunchSettings(Path home, Path dataDir, int gatewayPort, int identityPort, int kafkaPort, int mongoPort,
                      boolean demo, boolean demoData, List<ServiceEntry> services, Map<String, Integer> servicePorts,
                      List<String> extraJvmOptions, boolean classSharing) {

    LaunchSettings {
        services = List.copyOf(services);
        extraJvmOptions = List.copyOf(extraJvmOptions);
        servicePorts = Map.copyOf(servicePorts);
        Map<Integer, String> taken = new LinkedHashMap<>();
        ports(gatewayPort, identityPort, kafkaPort, mongoPort, services, servicePorts).forEach((variable, port) -> {
            String other = taken.putIfAbsent(port, variable);
            if (other != null) {
                throw new IllegalArgumentException(variable + " and " + other + " are both " + port + "; give each its own port");
            }
        });
    }

    static LaunchSettings from(String[] args, Map<String, String> env) {
        return from(args, env, ServiceRegistry.load());
    }

    static LaunchSettings from(String[] args, Map<String, String> env, ServiceRegistry registry) {
        Path home = findHome(env);
        String dataDir = env.getOrDefault("DANGJIAN_DATA_DIR", home.resolve("data").toString());
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + " (known: --data-dir=<dir>)");
            }
        }
        boolean demo = demo(env);
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        for (ServiceEntry service : registry.services()) {
            servicePorts.put(service.name(), port(env, service.portVariable(), service.port()));
        }
        return new LaunchSettings(home, Path.of(dataDir).toAbsolutePath().normalize(),
                port(env, "DANGJIAN_GATEWAY_PORT", 8080), port(env, "DANGJIAN_IDP_PORT", 9000),
                port(env, "DANGJIAN_KAFKA_PORT", 9092), port(env, "DANGJIAN_MONGO_PORT", 27017),
                demo, demo && !"false".equalsIgnoreCase(env.getOrDefault("DANGJIAN_DEMO_DATA", "true")), registry.services(), servicePorts,
                splitOptions(env.getOrDefault("DANGJIAN_JAVA_OPTIONS", "")), flag(env, ClassDataSharing.VARIABLE));
    }

    private static List<String> splitOptions(String options) {
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    /**
     * A child JVM's options: C1 alone, a serial collector and a bounded heap (small, quick-starting JVMs for a 2-core
     * machine), then {@code DANGJIAN_JAVA_OPTIONS}, which comes last and so wins ({@code -XX:-TieredCompilation}
     * or {@code -XX:TieredStopAtLevel=4} gives a child the optimising compiler, {@code -Xmx768m} a larger heap).
     * Chosen by measurement: with C2 the gateway and the service spent the platform benchmark's minutes compiling on
     * the two shared cores and served half as many commands (benchmarks/README.md).
     */
    List<String> jvmOptions() {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmx384m",
                "-Xss512k"));
        options.addAll(extraJvmOptions);
        return options;
    }

    /** {@code DANGJIAN_DEMO}, else its former name {@code DANGJIAN_DEMO_USERS}, else on. */
    private static boolean demo(Map<String, String> env) {
        return flag(env, env.containsKey("DANGJIAN_DEMO") ? "DANGJIAN_DEMO" : "DANGJIAN_DEMO_USERS");
    }

    /** A switch that is on unless its variable says {@code false}; anything but true or false is refused. */
    private static boolean flag(Map<String, String> env, String variable) {
        String value = env.getOrDefault(variable, "true").strip();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(variable + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    String issuer() {
        return "http://localhost:" + identityPort;
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** The port of the service of that name. */
    int servicePort(String name) {
        Integer port = servicePorts.get(name);
        if (port == null) {
            throw new IllegalArgumentException("No service " + name + " in the registry (known: " + servicePorts.keySet() + ")");
        }
        return port;
    }

    /** Where the service of that name listens on this machine (not through the gateway). */
    String serviceUrl(String name) {
        return ServiceEntry.localUrl(servicePort(name));
    }

    String kafka() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    /** Every port the platform takes, by the variable that chooses it: the fixed parts, then the services. */
    Map<String, Integer> ports() {
        return ports(gatewayPort, identityPort, kafkaPort, mongoPort, services, servicePorts);
    }

    private static Map<String, Integer> ports(int gatewayPort, int identityPort, int kafkaPort, int mongoPort,
                                              List<ServiceEntry> services, Map<String, Integer> servicePorts) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("DANGJIAN_GATEWAY_PORT", gatewayPort);
        ports.put("DANGJIAN_IDP_PORT", identityPort);
        ports.put("DANGJIAN_KAFKA_PORT", kafkaPort);
        ports.put("DANGJIAN_MONGO_PORT", mongoPort);
        for (ServiceEntry service : services) {
            Integer port = servicePorts.get(service.name());
            if (port == null) {
                throw new IllegalArgumentException("No port for the service " + service.name());
            }
            ports.put(service.portVariable(), port);
        }
        return ports;
    }

    /**
     * The environment every child JVM gets. Each service's port and URL variable goes to every child: a service reads
     * its own port, the gateway reads every URL (its routes), and one map for all keeps them from disagreeing.
     */
    Map<String, String> childEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DANGJIAN_DATA_DIR", dataDir.toString());
        environment.put("DANGJIAN_ISSUER", issuer());
        environment.put("DANGJIAN_MONGO_URI", mongoUri());
        environment.put("DANGJIAN_KAFKA", kafka());
        environment.put("DANGJIAN_GATEWAY_PORT", Integer.toString(gatewayPort));
        environment.put("DANGJIAN_IDP_PORT", Integer.toString(identityPort));
        for (ServiceEntry service : services) {
            environment.put(service.portVariable(), Integer.toString(servicePort(service.name())));
            environment.put(service.urlVariable(), serviceUrl(service.name()));
        }
        // the identity provider sends browsers back to the gateway where it actually runs
        environment.put("DANGJIAN_IDENTITY_WEBREDIRECTURIS_0", gatewayUrl() + "/login/oauth2/code/dangjian");
        environment.put("DANGJIAN_IDENTITY_WEBPOSTLOGOUTREDIRECTURIS_0", gatewayUrl() + "/");
        return environment;
    }

    /**
     * The identity provider's environment: every child's, and demo mode, set explicitly so that the provider does not
     * fall back to its own default (off) or to a stale variable of the shell.
     */
    Map<String, String> identityEnvironment() {
        Map<String, String> environment = childEnvironment();
        environment.put("DANGJIAN_DEMO", Boolean.toString(demo));
        return environment;
    }

    /** The checkout: {@code DANGJIAN_HOME}, else the directory above {@code infra/launcher/target} holding this jar. */
    private static Path findHome(Map<String, String> env) {
        if (env.containsKey("DANGJIAN_HOME")) {
            return Path.of(env.get("DANGJIAN_HOME")).toAbsolutePath().normalize();
        }
        try {
            Path here = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path dir = here; dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                    return dir;
                }
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
