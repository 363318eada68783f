package org.dangjian.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code docker-compose.yml}, the real deployment (部署), from the service registry: the fixed parts (Kafka,
 * MongoDB, the identity provider, the gateway, the volumes) come from {@value #TEMPLATE}, and every registry service
 * gets a block made from {@value #SERVICE_TEMPLATE}, a {@code DANGJIAN_<NAME>_URL} in the gateway's environment and a
 * place in the gateway's {@code depends_on}. The build runs {@link #main} at {@code process-classes} in
 * {@code infra/registry}, so the committed file always is the rendered one.
 *
 * <p>Placeholders are {@code {{key}}}, which neither YAML nor Compose's {@code ${VAR}} interpolation uses. A line
 * holding nothing but a placeholder is replaced by lines (none when there is nothing to list).
 */
public final class ComposeFile {

    /** The fixed parts of the file, with the places where the services go. */
    public static final String TEMPLATE = "dangjian/docker-compose.template.yml";

    /** One service's block. */
    public static final String SERVICE_TEMPLATE = "dangjian/docker-compose.service.yml";

    /** What a service that reads the others' stores (the audit service) gets besides the rest: their URLs, a data volume. */
    private static final String READS_STORES = """
                  # what must survive the container (the audit service's checkpoint signing key)
                  DANGJIAN_DATA_DIR: /data
                  # where the other services are: it compares what they published with what their stores hold
            {{urls}}    volumes:
                  - {{name}}-data:/data
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z-]+)}}");
    private static final Pattern LINE_PLACEHOLDER = Pattern.compile("(?m)^\\{\\{([a-zA-Z-]+)}}\\n");

    private ComposeFile() {
    }

    /**
     * Writes the rendered file to {@code args[0]} for the project version {@code args[1]} (the images' tag), only if
     * its content changed: an unchanged file keeps its time stamp.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ComposeFile <docker-compose.yml to write> <project version>");
        }
        Path target = Path.of(args[0]);
        String rendered = render(ServiceRegistry.load(), args[1]);
        if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(rendered)) {
            return;
        }
        Files.writeString(target, rendered, StandardCharsets.UTF_8);
        System.out.println("Rendered " + target + " from " + ServiceRegistry.RESOURCE);
    }

    /** The whole file for these services, their images tagged {@code version}. */
    public static String render(ServiceRegistry registry, String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("The images' version is missing");
        }
        String serviceTemplate = resource(SERVICE_TEMPLATE);
        StringBuilder modules = new StringBuilder();
        StringBuilder blocks = new StringBuilder();
        StringBuilder gatewayDependsOn = new StringBuilder();
        StringBuilder gatewayUrls = new StringBuilder();
        StringBuilder serviceUrls = new StringBuilder();
        StringBuilder volumes = new StringBuilder();
        for (ServiceEntry service : registry.services()) {
            serviceUrls.append("      ").append(service.urlVariable()).append(": http://").append(service.name()).append(':')
                    .append(service.port()).append('\n');
            if (service.readsStores()) {
                volumes.append("  ").append(service.name()).append("-data:\n");
            }
        }
        for (ServiceEntry service : registry.services()) {
            modules.append(service.module()).append(',');
            blocks.append(fill(serviceTemplate, Map.of(
                    "name", service.name(),
                    "image", service.image(version),
                    "port", Integer.toString(service.port()),
                    "portVariable", service.portVariable(),
                    "serviceUrls", service.readsStores() ? READS_STORES.replace("{{urls}}", serviceUrls.toString())
                            .replace("{{name}}", service.name()) : "")));
            gatewayDependsOn.append("      ").append(service.name()).append(":\n")
                    .append("        condition: service_healthy\n");
            gatewayUrls.append("      ").append(service.urlVariable()).append(": http://").append(service.name()).append(':')
                    .append(service.port()).append('\n');
        }
        Map<String, String> lines = Map.of(
                "services", blocks.toString(),
                "gateway-depends-on", gatewayDependsOn.toString(),
                "gateway-service-urls", gatewayUrls.toString(),
                "service-volumes", volumes.toString());
        Matcher line = LINE_PLACEHOLDER.matcher(resource(TEMPLATE));
        StringBuilder withLines = new StringBuilder();
        while (line.find()) {
            line.appendReplacement(withLines, Matcher.quoteReplacement(value(lines, line.group(1))));
        }
        line.appendTail(withLines);
        return fill(withLines.toString(), Map.of("version", version, "service-modules", modules.toString()));
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(result, Matcher.quoteReplacement(value(values, placeholder.group(1))));
        }
        placeholder.appendTail(result);
        return result.toString();
    }

    private static String value(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("Unknown placeholder {{" + key + "}} in a compose template (known here: "
                    + values.keySet() + ")");
        }
        return value;
    }

    /** A template from the classpath, with Unix line ends whatever the checkout made of them. */
    private static String resource(String name) {
        try (InputStream in = ComposeFile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No " + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }
}
