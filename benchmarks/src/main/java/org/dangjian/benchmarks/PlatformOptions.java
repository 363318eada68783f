package org.dangjian.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --mode=platform} is told on the command line.
 *
 * @param clients            concurrent clients in the gateway and direct phases and under the recovery load
 * @param commands           commands per phase (gateway, direct), split over the alternating rounds
 * @param recoveryStoreSize  0, or the event-store size to fill to before measuring recovery a second time
 * @param profile            record JFR in every JVM of the platform and summarise it
 * @param gatewayUrl         where the benchmark reaches the gateway (its port is given to the launcher)
 * @param keepData           keep the data directory after a successful run (it is always kept after a failure)
 * @param dataDir            the platform's data directory for this run (emptied first)
 * @param results            where the results file goes
 */
record PlatformOptions(int clients, int commands, long recoveryStoreSize, boolean profile, URI gatewayUrl, boolean keepData,
                       Path dataDir, Path results) {

    /** Measured rounds per phase: gateway, direct, gateway, direct. */
    static final int ROUNDS = 2;

    static final String USAGE = """
            Usage: benchmarks/run.sh --mode=platform [--clients=16] [--commands=1000] [--recovery-store-size=0] [--profile]
                                     [--gateway-url=http://127.0.0.1:8080] [--keep-data] [--data-dir=benchmarks/target/platform-data]
                                     [--results=benchmarks/results]""";

    PlatformOptions {
        if (clients < 1 || commands < clients * ROUNDS) {
            throw new IllegalArgumentException("--commands must be at least " + ROUNDS + " per client (" + clients * ROUNDS + ")");
        }
        if (!"http".equals(gatewayUrl.getScheme()) || gatewayUrl.getPort() < 0) {
            throw new IllegalArgumentException("--gateway-url must be http://host:port, not " + gatewayUrl);
        }
    }

    static PlatformOptions parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("clients", "16", "commands", "1000", "recovery-store-size", "0",
                "profile", "false", "gateway-url", "http://127.0.0.1:8080", "keep-data", "false",
                "data-dir", "benchmarks/target/platform-data", "results", "benchmarks/results"));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (!arg.startsWith("--") || !values.containsKey(pair[0])) {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
            // flags may stand alone: --profile, --keep-data
            values.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        return new PlatformOptions(Integer.parseInt(values.get("clients")), Integer.parseInt(values.get("commands")),
                Long.parseLong(values.get("recovery-store-size")), Boolean.parseBoolean(values.get("profile")),
                URI.create(values.get("gateway-url").replaceFirst("/+$", "")), Boolean.parseBoolean(values.get("keep-data")),
                Path.of(values.get("data-dir")).toAbsolutePath().normalize(), Path.of(values.get("results")));
    }

    /** The command line that gives these options, for the results file. */
    String commandLine() {
        StringBuilder line = new StringBuilder("benchmarks/run.sh --mode=platform");
        line.append(" --clients=").append(clients).append(" --commands=").append(commands);
        if (recoveryStoreSize > 0) {
            line.append(" --recovery-store-size=").append(recoveryStoreSize);
        }
        if (profile) {
            line.append(" --profile");
        }
        if (!gatewayUrl.toString().equals("http://127.0.0.1:8080")) {
            line.append(" --gateway-url=").append(gatewayUrl);
        }
        return line.toString();
    }
}
