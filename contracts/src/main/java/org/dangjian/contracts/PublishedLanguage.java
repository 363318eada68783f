package org.dangjian.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every service's published language, found on the class path: each class {@code org.dangjian.contracts.<package>.<Name>Events}
 * with public static fields {@code SERVICE}, {@code TOPIC}, {@code SOURCE} and {@code ALL} is one service's, and may
 * add {@code DESCRIPTION} (prose for the AsyncAPI document) and {@code UPCASTERS} (a {@code List<Upcaster>}). A new
 * service's events join by themselves: nothing lists the services.
 */
public final class PublishedLanguage {

    private static final String PACKAGE = "org/dangjian/contracts/";

    private PublishedLanguage() {
    }

    /** One service's published language. */
    public record Service(String name, String topic, String source, String description, List<Class<? extends Record>> events,
                          List<Upcaster> upcasters) {

        /** The topics the service publishes on, its open one first: the restricted one only when a type is restricted. */
        public List<String> topics() {
            return events.stream().map(EventTypes::topicOf).distinct()
                    .sorted(Comparator.comparing((String t) -> !t.equals(topic))).toList();
        }
    }

    /** Every service's, by name. */
    public static List<Service> services() {
        return services(PublishedLanguage.class.getClassLoader());
    }

    /** Every service's that the class loader sees, by name. */
    public static List<Service> services(ClassLoader loader) {
        Map<String, Service> byName = new TreeMap<>();
        for (String className : eventsClassNames(loader)) {
            Service service = read(load(className, loader));
            if (service == null) {
                continue;
            }
            Service previous = byName.put(service.name(), service);
            if (previous != null) {
                throw new IllegalStateException("Two classes describe the service " + service.name() + "'s events");
            }
        }
        return List.copyOf(byName.values());
    }

    /** Every published event type of every service. */
    public static List<Class<? extends Record>> events() {
        return services().stream().flatMap(s -> s.events().stream()).toList();
    }

    /** Every service's upcasters together. */
    public static Upcasters upcasters() {
        return new Upcasters(services().stream().flatMap(s -> s.upcasters().stream()).toList());
    }

    @SuppressWarnings("unchecked")
    private static Service read(Class<?> type) {
        String service = (String) constant(type, "SERVICE");
        Object all = constant(type, "ALL");
        if (service == null || !(all instanceof List<?>)) {
            return null;
        }
        String topic = (String) constant(type, "TOPIC");
        String source = (String) constant(type, "SOURCE");
        if (!EventTypes.topicOf(service).equals(topic) || !("/dangjian/" + service).equals(source)) {
            throw new IllegalStateException(type.getName() + ": TOPIC and SOURCE must be " + EventTypes.topicOf(service)
                    + " and /dangjian/" + service);
        }
        List<Class<? extends Record>> events = List.copyOf((List<Class<? extends Record>>) all);
        for (Class<? extends Record> event : events) {
            if (!EventTypes.serviceOf(EventTypes.of(event)).equals(service)) {
                throw new IllegalStateException(type.getName() + " lists " + EventTypes.of(event) + ", another service's type");
            }
        }
        Object upcasters = constant(type, "UPCASTERS");
        String description = (String) constant(type, "DESCRIPTION");
        return new Service(service, topic, source, description, events,
                upcasters == null ? List.of() : List.copyOf((List<Upcaster>) upcasters));
    }

    private static Object constant(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            return Modifier.isStatic(field.getModifiers()) ? field.get(null) : null;
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code org.dangjian.contracts.<package>.<Name>Events} in every class path entry (directories and jars). */
    private static TreeSet<String> eventsClassNames(ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(PACKAGE);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                List<String> entries = new ArrayList<>();
                if ("file".equals(root.getProtocol())) {
                    Path dir = Path.of(root.toURI());
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(Files::isRegularFile)
                                .forEach(f -> entries.add(PACKAGE + dir.relativize(f).toString().replace('\\', '/')));
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(PACKAGE)).forEach(entries::add);
                    }
                }
                for (String entry : entries) {
                    // a class of a service's package (one level below), named *Events, not nested
                    if (entry.matches("org/dangjian/contracts/[a-z][a-z0-9]*/[A-Z][A-Za-z0-9]*Events\\.class")) {
                        names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
