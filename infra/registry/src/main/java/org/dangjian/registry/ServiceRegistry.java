package org.dangjian.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The registry of the platform's services (服务注册表): the entries of the classpath resource
 * {@value #RESOURCE}, in their order there. The runtime's defaults, the gateway's routes, the launcher and the
 * generated {@code docker-compose.yml} all read it, so a new service is its own module plus one entry.
 *
 * <p>Loading checks what would otherwise break only later and far away: names fit {@code [a-z][a-z0-9-]*} (they
 * become hosts, paths, databases and variable names), are unique and none of {@link #RESERVED_NAMES}; ports are unique
 * and none of {@link #RESERVED_PORTS}; every field is present and no unknown field is (a misspelt key would otherwise
 * be ignored).
 */
public final class ServiceRegistry {

    /** The classpath resource listing the services. */
    public static final String RESOURCE = "dangjian/services.yaml";

    /** Ports the platform's other parts take: gateway, identity provider, Kafka, MongoDB. */
    public static final Map<Integer, String> RESERVED_PORTS = Map.of(8080, "the gateway", 9000, "the identity provider",
            9092, "Kafka", 27017, "MongoDB");

    /** Names the platform's other parts take, as compose services and hosts. */
    public static final Set<String> RESERVED_NAMES = Set.of("gateway", "identity", "kafka", "mongo");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern MODULE = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
    private static final Pattern JAVA_CLASS = Pattern.compile("([a-zA-Z_$][a-zA-Z0-9_$]*\\.)+[A-Z][a-zA-Z0-9_$]*");
    private static final Set<String> FIELDS = Set.of("name", "title", "titleEn", "port", "module", "mainClass", "readsStores");

    private final List<ServiceEntry> services;

    private ServiceRegistry(List<ServiceEntry> services) {
        this.services = List.copyOf(services);
    }

    /** The registry as {@value #RESOURCE} on this class's classpath lists it. */
    public static ServiceRegistry load() {
        try (InputStream in = ServiceRegistry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath (it is in the service-registry module)");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    /**
     * Reads and checks a registry document ({@code services:} with a list of entries).
     *
     * @param source what the document is, for error messages
     * @throws IllegalStateException if it breaks a rule; the message names the entry and the rule
     */
    public static ServiceRegistry read(Reader document, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(document);
        } catch (YAMLException e) {
            throw new IllegalStateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof List<?> list)) {
            throw new IllegalStateException(source + " must have a list `services:`");
        }
        if (top.size() != 1) {
            throw new IllegalStateException(source + " has keys other than `services`: " + top.keySet());
        }
        List<ServiceEntry> services = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Map<Integer, String> ports = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ServiceEntry entry = entry(list.get(i), source + ", entry " + (i + 1));
            String where = source + ", service " + entry.name();
            if (RESERVED_NAMES.contains(entry.name())) {
                throw new IllegalStateException(where + ": the name is taken by the platform (" + RESERVED_NAMES + ")");
            }
            if (!names.add(entry.name())) {
                throw new IllegalStateException(where + ": the name is listed twice");
            }
            if (RESERVED_PORTS.containsKey(entry.port())) {
                throw new IllegalStateException(where + ": port " + entry.port() + " is " + RESERVED_PORTS.get(entry.port()) + "'s");
            }
            String other = ports.putIfAbsent(entry.port(), entry.name());
            if (other != null) {
                throw new IllegalStateException(where + ": port " + entry.port() + " is already " + other + "'s");
            }
            services.add(entry);
        }
        return new ServiceRegistry(services);
    }

    private static ServiceEntry entry(Object value, String where) {
        if (!(value instanceof Map<?, ?> fields)) {
            throw new IllegalStateException(where + ": an entry is a mapping of " + FIELDS);
        }
        for (Object key : fields.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new IllegalStateException(where + ": unknown field `" + key + "` (known: " + FIELDS + ")");
            }
        }
        String name = text(fields, "name", where);
        where = where + " (" + name + ")";
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(where + ": the name must match [a-z][a-z0-9-]* (it becomes a host, a path, a"
                    + " database and part of variable names)");
        }
        if (!(fields.get("port") instanceof Integer port) || port < 1 || port > 65535) {
            throw new IllegalStateException(where + ": `port` must be a port number (1-65535), not " + fields.get("port"));
        }
        String module = text(fields, "module", where);
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalStateException(where + ": `module` must be a path below the repository root, like"
                    + " services/organisation, not " + module);
        }
        String mainClass = text(fields, "mainClass", where);
        if (!JAVA_CLASS.matcher(mainClass).matches()) {
            throw new IllegalStateException(where + ": `mainClass` must be a fully qualified class name, not " + mainClass);
        }
        Object readsStores = fields.containsKey("readsStores") ? fields.get("readsStores") : Boolean.FALSE;
        if (!(readsStores instanceof Boolean reads)) {
            throw new IllegalStateException(where + ": `readsStores` is true or false, not " + readsStores);
        }
        return new ServiceEntry(name, text(fields, "title", where), text(fields, "titleEn", where), port, module, mainClass, reads);
    }

    private static String text(Map<?, ?> fields, String field, String where) {
        Object value = fields.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalStateException(where + ": `" + field + "` is missing or empty");
        }
        return text;
    }

    /** Every service, in the registry's order. */
    public List<ServiceEntry> services() {
        return services;
    }

    /** The service of that name, if the registry lists it. */
    public Optional<ServiceEntry> find(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /**
     * The service of that name.
     *
     * @throws IllegalArgumentException if the registry does not list it
     */
    public ServiceEntry named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No service " + name + " in " + RESOURCE
                + " (known: " + services.stream().map(ServiceEntry::name).toList() + ")"));
    }
}
