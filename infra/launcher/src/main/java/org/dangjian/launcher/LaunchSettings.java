package org.dangjian.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where things run and live. Every value comes from an environment variable with a default; {@code --data-dir=...}
 * on the command line overrides {@code DANGJIAN_DATA_DIR}.
 *
 * @param home           the repository checkout (to find the built application jars)
 * @param dataDir        everything that must survive a restart: Mongo's file, Kafka's log, the signing key, logs
 * @param gatewayPort    the one public port ({@code DANGJIAN_GATEWAY_PORT}, 8080)
 * @param identityPort   the identity provider ({@code DANGJIAN_IDP_PORT}, 9000): browsers are sent there to sign in
 * @param organisationPort the organisation service ({@code DANGJIAN_ORGANISATION_PORT}, 8081)
 * @param kafkaPort      the embedded Kafka broker ({@code DANGJIAN_KAFKA_PORT}, 9092)
 * @param mongoPort      the embedded Mongo server ({@code DANGJIAN_MONGO_PORT}, 27017)
 * @param demoData       whether to load the demo organisation tree into an empty store ({@code DANGJIAN_DEMO_DATA}, true)
 */
record LaunchSettings(Path home, Path dataDir, int gatewayPort, int identityPort, int organisationPort, int kafkaPort, int mongoPort,
                      boolean demoData) {

    static LaunchSettings from(String[] args, Map<String, String> env) {
        Path home = findHome(env);
        String dataDir = env.getOrDefault("DANGJIAN_DATA_DIR", home.resolve("data").toString());
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + " (known: --data-dir=<dir>)");
            }
        }
        return new LaunchSettings(home, Path.of(dataDir).toAbsolutePath().normalize(),
                port(env, "DANGJIAN_GATEWAY_PORT", 8080), port(env, "DANGJIAN_IDP_PORT", 9000),
                port(env, "DANGJIAN_ORGANISATION_PORT", 8081), port(env, "DANGJIAN_KAFKA_PORT", 9092),
                port(env, "DANGJIAN_MONGO_PORT", 27017), !"false".equalsIgnoreCase(env.getOrDefault("DANGJIAN_DEMO_DATA", "true")));
    }

    String issuer() {
        return "http://localhost:" + identityPort;
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    String organisationUrl() {
        return "http://localhost:" + organisationPort;
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
