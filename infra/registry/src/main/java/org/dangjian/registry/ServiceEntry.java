package org.dangjian.registry;

import java.util.Locale;

/**
 * One service of the platform (服务) as the registry lists it, and every name that follows from it. Only the fields
 * are written down in {@code dangjian/services.yaml}; the derived names are fixed rules, so that the runtime, the
 * gateway, the launcher and {@code docker-compose.yml} cannot disagree about them.
 *
 * @param name      the service's name, {@code [a-z][a-z0-9-]*}: its {@code dangjian.service.name}, its compose
 *                  service, its database and the path segment of its API
 * @param title     the Chinese name (中文名称), e.g. 组织
 * @param titleEn   the English name, e.g. Organisation
 * @param port      the port it listens on when nothing overrides {@link #portVariable()}
 * @param module    its Maven module, relative to the repository root, e.g. {@code services/organisation}
 * @param mainClass its Spring Boot application class, the entrypoint of its image
 */
public record ServiceEntry(String name, String title, String titleEn, int port, String module, String mainClass, boolean readsStores) {

    /** An entry of a service that asks no other service's store. */
    public ServiceEntry(String name, String title, String titleEn, int port, String module, String mainClass) {
        this(name, title, titleEn, port, module, mainClass, false);
    }

    /** The Kafka topic every event of the service is published on: {@code dangjian.<name>.events}. */
    public String topic() {
        return "dangjian." + name + ".events";
    }

    /** The gateway's path for the service: {@code /api/<name>/**}; the service itself serves at its root. */
    public String route() {
        return apiPrefix() + "/**";
    }

    /** The prefix the gateway strips: {@code /api/<name>}. */
    public String apiPrefix() {
        return "/api/" + name;
    }

    /** The environment variable that sets the service's port: {@code DANGJIAN_<NAME>_PORT}. */
    public String portVariable() {
        return "DANGJIAN_" + variablePart() + "_PORT";
    }

    /** The environment variable that tells the gateway where the service is: {@code DANGJIAN_<NAME>_URL}. */
    public String urlVariable() {
        return "DANGJIAN_" + variablePart() + "_URL";
    }

    /** Where the service is on this machine when nothing says otherwise: {@code http://127.0.0.1:<port>} (services listen on loopback). */
    public String defaultUrl() {
        return localUrl(port);
    }

    /** {@code http://127.0.0.1:<port>}: where an application on this machine listens (services on loopback only). */
    public static String localUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The Maven artifactId of the service's module: {@code <name>-service}. */
    public String artifactId() {
        return name + "-service";
    }

    /** The container image Jib builds for the service: {@code dangjian/<name>-service:<version>}. */
    public String image(String version) {
        return "dangjian/" + artifactId() + ":" + version;
    }

    /** The name as it appears in environment variables: upper case, a hyphen becomes an underscore. */
    private String variablePart() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
