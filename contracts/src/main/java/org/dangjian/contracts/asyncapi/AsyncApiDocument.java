package org.dangjian.contracts.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dangjian.contracts.EventTypes;
import org.dangjian.contracts.PublishedLanguage;
import org.dangjian.contracts.PublishedLanguage.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's one AsyncAPI 3.0.0 document, {@code contracts/src/main/resources/asyncapi/dangjian.yaml}, rendered
 * from the contracts ({@link PublishedLanguage}): every service's topic (and restricted topic) a channel, every event
 * type a message named by its versioned type, with the CloudEvents headers, the record key and its JSON Schema as
 * payload, and a {@code send} operation per channel. Nothing in it is written by hand; {@code AsyncApiDocumentTest}
 * fails while the committed file differs from what this renders. To render it again:
 * {@value #REGENERATE}.
 */
public final class AsyncApiDocument {

    /** The command that writes the document again (from the repository's root). */
    public static final String REGENERATE = "./mvnw -o -q -pl contracts compile exec:java";

    /** Where the document is, in {@code contracts}; on the class path {@code /asyncapi/dangjian.yaml}. */
    public static final String PATH = "src/main/resources/asyncapi/dangjian.yaml";

    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AsyncApiDocument() {
    }

    /** Writes the document to the file named by the first argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AsyncApiDocument <file to write>");
        }
        Path file = Path.of(args[0]);
        Files.writeString(file, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath().normalize());
    }

    /** The document as YAML. */
    public static String render() {
        return Yaml.write(tree(PublishedLanguage.services()));
    }

    /** The document as a tree of maps, lists, strings, integers and booleans. */
    public static Map<String, Object> tree(List<Service> services) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "dangjian: the published language (智慧党建平台 events)");
        info.put("version", "1.0.0");
        info.put("description", """
                Every event every service of the platform publishes, generated from `contracts` (the records' @EventType,
                each service's *Events class and the JSON Schemas in contracts/src/main/resources/schemas) by
                AsyncApiDocument: do not edit it, render it again with `%s`.

                Each service publishes every event it stores to its topic `dangjian.<service>.events` (a restricted type
                on `dangjian.<service>.restricted`), at least once: consumers skip what they have seen by `ce_subject`
                and `ce_sequence`. CloudEvents 1.0 in Kafka binary mode: the body is the event's JSON exactly as stored
                and hashed, valid against the schema named by `ce_dataschema`; the attributes are `ce_*` headers. The
                record's key is the aggregate id (= `ce_subject` = `ce_partitionkey`), so each record's events stay in
                order on one partition. Topics keep every event forever, so a consumer can rebuild from offset 0.
                `ce_hash` and `ce_prevhash` chain each record's events; docs/event-store.md defines the hash, and
                docs/subscribing.md tells a consumer what to do with duplicates, gaps and versions. Business dates are
                ISO-8601 days (`2024-03-01`).

                A message's name is its versioned type, `org.dangjian.<service>.<Event>.v<n>`. A newer version of a
                type is a message of its own; contracts keeps the upcasters that read an older version as the newer one
                (docs/event-store.md, *Versions and upcasters*).
                """.formatted(REGENERATE));
        List<Object> tags = new ArrayList<>();
        for (Service service : services) {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("name", service.name());
            if (service.description() != null) {
                tag.put("description", service.description());
            }
            tags.add(tag);
        }
        Map<String, Object> restrictedTag = new LinkedHashMap<>();
        restrictedTag.put("name", "restricted");
        restrictedTag.put("description", "On a restricted topic: for the publishing service and the audit service only (docs/event-store.md).");
        tags.add(restrictedTag);
        info.put("tags", tags);
        doc.put("info", info);
        doc.put("defaultContentType", "application/json");
        doc.put("servers", servers());

        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (Service service : services) {
            for (String topic : service.topics()) {
                boolean restricted = !topic.equals(service.topic());
                String channelId = camel(service.name()) + (restricted ? "Restricted" : "Events");
                Map<String, Object> channelMessages = new LinkedHashMap<>();
                List<Object> operationMessages = new ArrayList<>();
                for (Class<? extends Record> event : service.events()) {
                    if (!EventTypes.topicOf(event).equals(topic)) {
                        continue;
                    }
                    String type = EventTypes.of(event);
                    channelMessages.put(type, ref("#/components/messages/" + type));
                    operationMessages.add(ref("#/channels/" + channelId + "/messages/" + type));
                    messages.put(type, message(service, type, restricted));
                }
                Map<String, Object> channel = new LinkedHashMap<>();
                channel.put("address", topic);
                channel.put("title", topic);
                channel.put("description", restricted
                        ? "The " + service.name() + " service's restricted events: content only the service itself and auditors are"
                                + " entitled to. A real deployment grants this topic to those two services' principals only (Kafka ACLs);"
                                + " no department's subscription names it. Keyed by the record's id (= ce_subject = ce_partitionkey)."
                        : "Every open event of the " + service.name() + " service, keyed by the record's id (= ce_subject ="
                                + " ce_partitionkey), so each record's events stay in order on one partition.");
                channel.put("messages", channelMessages);
                channel.put("bindings", Map.of("kafka", channelBinding()));
                channels.put(channelId, channel);

                Map<String, Object> operation = new LinkedHashMap<>();
                operation.put("action", "send");
                operation.put("channel", ref("#/channels/" + channelId));
                operation.put("summary", "The " + service.name() + " service publishes each event once it is stored (at least once).");
                operation.put("messages", operationMessages);
                operations.put("publish" + Character.toUpperCase(channelId.charAt(0)) + channelId.substring(1), operation);
            }
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("messages", messages);
        components.put("schemas", Map.of("CloudEventHeaders", cloudEventHeaders()));
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> message(Service service, String type, boolean restricted) {
        JsonNode schema = schema(type);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", type);
        message.put("title", text(schema, "title", type));
        message.put("summary", text(schema, "description", type));
        message.put("contentType", "application/json");
        List<Object> tags = new ArrayList<>();
        tags.add(Map.of("name", service.name()));
        if (restricted) {
            tags.add(Map.of("name", "restricted"));
        }
        message.put("tags", tags);
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("ce_source", Map.of("const", service.source()));
        constants.put("ce_type", Map.of("const", type));
        constants.put("ce_dataschema", Map.of("const", "urn:dangjian:schema:" + type));
        Map<String, Object> ofThisType = new LinkedHashMap<>();
        ofThisType.put("type", "object");
        ofThisType.put("properties", constants);
        message.put("headers", Map.of("allOf", List.of(ref("#/components/schemas/CloudEventHeaders"), ofThisType)));
        message.put("payload", ref("../schemas/" + type + ".json"));
        Map<String, Object> kafka = new LinkedHashMap<>();
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", "the record's (aggregate's) id, = ce_subject = ce_partitionkey");
        kafka.put("key", key);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        message.put("bindings", Map.of("kafka", kafka));
        return message;
    }

    private static Map<String, Object> channelBinding() {
        Map<String, Object> topicConfiguration = new LinkedHashMap<>();
        topicConfiguration.put("retention.ms", -1);
        topicConfiguration.put("cleanup.policy", List.of("delete"));
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("topicConfiguration", topicConfiguration);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return kafka;
    }

    private static Map<String, Object> servers() {
        Map<String, Object> servers = new LinkedHashMap<>();
        servers.put("embedded", server("localhost:9092", "the embedded default (./run.sh), on the loopback interface only"));
        servers.put("compose", server("kafka:9092", "docker-compose.yml, on the platform's network only"));
        return servers;
    }

    private static Map<String, Object> server(String host, String description) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("host", host);
        server.put("protocol", "kafka");
        server.put("description", description);
        return server;
    }

    /** The headers every event carries (docs/event-store.md, "On the wire"; the runtime's CloudEventCodec). */
    private static Map<String, Object> cloudEventHeaders() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ce_specversion", Map.of("const", "1.0"));
        properties.put("ce_id", header("the event's unique id"));
        properties.put("ce_source", headerPattern("^/dangjian/[a-z][a-z0-9-]*$", "/dangjian/<service>"));
        properties.put("ce_type", headerPattern("^org\\.dangjian\\.[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*$",
                "the versioned event type, org.dangjian.<service>.<Event>.v<n>"));
        properties.put("ce_subject", headerFormat("uuid", "the record's (aggregate's) id"));
        properties.put("ce_time", headerFormat("date-time", "business time: when it happened"));
        properties.put("content-type", Map.of("const", "application/json"));
        properties.put("ce_dataschema", header("urn:dangjian:schema:<type>, the type's JSON Schema in contracts"));
        properties.put("ce_partitionkey", header("the record's id, also the Kafka key (CloudEvents partitioning extension)"));
        properties.put("ce_sequence", headerPattern("^(0|[1-9][0-9]*)$",
                "the event's position in its record's stream, from 0, decimal (CloudEvents sequence extension)"));
        properties.put("ce_aggregatetype", header("the kind of record (aggregate type) whose stream the event is on"));
        properties.put("ce_recordedtime", header("when the store appended it, yyyy-MM-ddTHH:mm:ss.SSSZ"));
        properties.put("ce_actorid", header("who did it (the token's subject)"));
        properties.put("ce_actorrole", header("the role they acted in"));
        properties.put("ce_actororg", header("their organisation unit, when they have one"));
        properties.put("ce_correlationid", header("the request that started it all, when known"));
        properties.put("ce_causationid", header("what caused this event: the command's id, or the other service's event a reaction answered"));
        properties.put("ce_prevhash", headerPattern("^[0-9a-f]{64}$", "the hash of the record's previous event (64 zeros for the first)"));
        properties.put("ce_hash", headerPattern("^[0-9a-f]{64}$", "this event's hash (docs/event-store.md)"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", "CloudEvents 1.0 attributes in Kafka binary mode, each header's value its UTF-8 text.");
        schema.put("required", List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type",
                "ce_dataschema", "ce_partitionkey", "ce_sequence", "ce_aggregatetype", "ce_recordedtime", "ce_actorid", "ce_actorrole",
                "ce_prevhash", "ce_hash"));
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> header(String description) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "string");
        header.put("description", description);
        return header;
    }

    private static Map<String, Object> headerFormat(String format, String description) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "string");
        header.put("format", format);
        header.put("description", description);
        return header;
    }

    private static Map<String, Object> headerPattern(String pattern, String description) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "string");
        header.put("pattern", pattern);
        header.put("description", description);
        return header;
    }

    private static Map<String, Object> ref(String target) {
        return Map.of("$ref", target);
    }

    private static JsonNode schema(String type) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream("/schemas/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No JSON Schema for " + type + " (contracts/src/main/resources/schemas/" + type + ".json)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode schema, String field, String type) {
        JsonNode value = schema.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalStateException("The schema of " + type + " has no " + field);
        }
        return value.asString();
    }

    /** {@code members} → {@code members}, {@code event-log} → {@code eventLog}. */
    private static String camel(String service) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : service.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
