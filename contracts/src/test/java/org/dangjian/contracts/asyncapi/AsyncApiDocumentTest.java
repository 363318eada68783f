package org.dangjian.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dangjian.contracts.EventTypes;
import org.dangjian.contracts.PublishedLanguage;
import org.dangjian.contracts.discipline.DisciplineEvents;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one AsyncAPI document, {@code asyncapi/dangjian.yaml}, is what {@link AsyncApiDocument} renders from the contracts
 * (never edited by hand), reads back as the tree it was rendered from, and holds together as an AsyncAPI 3.0.0
 * document: every reference resolves, every event type of every service is one message on its topic's channel.
 */
class AsyncApiDocumentTest {

    private static final Path FILE = Path.of(AsyncApiDocument.PATH);

    @Test
    void theCommittedDocumentIsTheOneTheContractsRender() throws IOException {
        String committed = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        String rendered = AsyncApiDocument.render();
        if (!committed.equals(rendered)) {
            fail("contracts/" + AsyncApiDocument.PATH + " is not what the contracts render (" + firstDifference(committed, rendered)
                    + "). It is generated, never edited: render it again from the repository's root with\n    "
                    + AsyncApiDocument.REGENERATE + "\nand commit it.");
        }
    }

    @Test
    void theDocumentReadsBackAsTheTreeItWasRenderedFrom() {
        assertThat(parse(AsyncApiDocument.render())).isEqualTo(AsyncApiDocument.tree(PublishedLanguage.services()));
    }

    @Test
    void theYamlWriterQuotesWhatAParserWouldReadAsSomethingElse() {
        Map<String, Object> tree = new LinkedHashMap<>();
        List<Object> texts = List.of("true", "No", "null", "~", "1.0", "3.0.0", "-1", ".5", "0x1F", "a: b", "a #b", "# x", "- x", "[x]", "{x}",
                "'x'", "\"x\"", "x\\y", "@x", "`x`", "*x", "&x", "!x", "%x", "|", ">", "?", ",x", "", " x", "x ", "tab\there",
                "line one\nline two\n", "no newline at the end\nsecond", "two newlines\n\n", " indented\nfirst line\n",
                "中文 — 说明: 有冒号", "$ref", "#/components/messages/org.dangjian.x.Y.v1", "../schemas/x.json", "retention.ms");
        tree.put("texts", texts);
        tree.put("numbers", List.of(-1, 0, 42));
        tree.put("flags", List.of(true, false));
        tree.put("empty", Map.of());
        tree.put("none", List.of());
        tree.put("nested", List.of(Map.of("a", List.of(Map.of("b", "c"))), List.of("x", List.of("y"))));
        for (Object key : texts) {
            tree.put("key " + key, key);
        }
        tree.put("true", "a key that reads as a boolean");
        assertThat(parse(Yaml.write(tree))).isEqualTo(tree);
    }

    @Test
    void theDocumentIsAnAsyncApi3DocumentWhoseReferencesResolve() throws IOException {
        Map<String, Object> doc = parse(Files.readString(FILE, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        if (!"3.0.0".equals(doc.get("asyncapi"))) {
            problems.add("asyncapi is not 3.0.0: " + doc.get("asyncapi"));
        }
        Map<String, Object> info = map(doc, "info");
        if (!(info.get("title") instanceof String) || !(info.get("version") instanceof String)) {
            problems.add("info needs a title and a version");
        }
        Map<String, Object> messages = map(map(doc, "components"), "messages");
        Map<String, Object> channels = map(doc, "channels");
        for (Map.Entry<String, Object> channel : channels.entrySet()) {
            Map<String, Object> body = asMap(channel.getValue());
            if (!channel.getKey().matches("[A-Za-z0-9_\\-]+")) {
                problems.add("channel id " + channel.getKey());
            }
            if (!(body.get("address") instanceof String)) {
                problems.add("channel " + channel.getKey() + " has no address");
            }
            for (Map.Entry<String, Object> message : map(body, "messages").entrySet()) {
                Object target = resolve(doc, ref(message.getValue()));
                if (target == null) {
                    problems.add("channel " + channel.getKey() + ": message " + message.getKey() + " refers to nothing: " + ref(message.getValue()));
                }
            }
        }
        for (Map.Entry<String, Object> operation : map(doc, "operations").entrySet()) {
            Map<String, Object> body = asMap(operation.getValue());
            if (!List.of("send", "receive").contains(body.get("action"))) {
                problems.add("operation " + operation.getKey() + ": action " + body.get("action"));
            }
            String channelRef = ref(body.get("channel"));
            if (!channelRef.startsWith("#/channels/") || resolve(doc, channelRef) == null) {
                problems.add("operation " + operation.getKey() + ": channel " + channelRef + " does not exist");
                continue;
            }
            for (Object message : (List<?>) body.get("messages")) {
                if (!ref(message).startsWith(channelRef + "/messages/") || resolve(doc, ref(message)) == null) {
                    problems.add("operation " + operation.getKey() + ": " + ref(message) + " is not a message of its channel");
                }
            }
        }
        for (Map.Entry<String, Object> message : messages.entrySet()) {
            Map<String, Object> body = asMap(message.getValue());
            if (!message.getKey().matches("[A-Za-z0-9.\\-_]+") || !message.getKey().equals(body.get("name"))) {
                problems.add("message " + message.getKey() + " is named " + body.get("name"));
            }
            for (Object part : (List<?>) asMap(body.get("headers")).get("allOf")) {
                Map<String, Object> header = asMap(part);
                if (header.containsKey("$ref") && resolve(doc, ref(header)) == null) {
                    problems.add("message " + message.getKey() + ": headers " + ref(header) + " do not exist");
                }
            }
            Path payload = FILE.getParent().resolve(ref(body.get("payload"))).normalize();
            if (!Files.isRegularFile(payload)) {
                problems.add("message " + message.getKey() + ": payload " + payload + " does not exist");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEventTypeOfEveryServiceIsOneMessageOnItsTopicsChannel() throws IOException {
        Map<String, Object> doc = parse(Files.readString(FILE, StandardCharsets.UTF_8));
        Map<String, Object> messages = map(map(doc, "components"), "messages");
        Map<String, Integer> onChannels = new LinkedHashMap<>();
        Map<String, String> addressOf = new LinkedHashMap<>();
        for (Object channel : map(doc, "channels").values()) {
            Map<String, Object> body = asMap(channel);
            for (Object message : map(body, "messages").values()) {
                String type = ref(message).substring("#/components/messages/".length());
                onChannels.merge(type, 1, Integer::sum);
                addressOf.put(type, (String) body.get("address"));
            }
        }
        List<String> types = new ArrayList<>();
        for (PublishedLanguage.Service service : PublishedLanguage.services()) {
            for (Class<? extends Record> event : service.events()) {
                String type = EventTypes.of(event);
                types.add(type);
                assertThat(onChannels.get(type)).as(type + " on one channel").isEqualTo(1);
                assertThat(addressOf.get(type)).as(type + "'s channel").isEqualTo(EventTypes.topicOf(event));
                Map<String, Object> message = asMap(messages.get(type));
                assertThat(message).as(type).isNotNull();
                assertThat(ref(message.get("payload"))).isEqualTo("../schemas/" + type + ".json");
                assertThat(asMap(asMap(message.get("bindings")).get("kafka"))).containsKey("key");
            }
        }
        assertThat(types).as("every type once").doesNotHaveDuplicates();
        assertThat(messages.keySet()).as("the document's messages are the services' event types").containsExactlyInAnyOrderElementsOf(types);
        assertThat(types).as("the five services' types at least").hasSizeGreaterThanOrEqualTo(90);
        assertThat(map(doc, "channels").values()).extracting(c -> asMap(c).get("address"))
                .contains(DisciplineEvents.TOPIC, DisciplineEvents.RESTRICTED_TOPIC);
    }

    @Test
    void theHeadersAreTheOnesTheRuntimeWrites() {
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) map(map(AsyncApiDocument.tree(PublishedLanguage.services()),
                "components"), "schemas").get("CloudEventHeaders")).get("properties");
        // docs/event-store.md, "On the wire"; the runtime's CloudEventCodec
        assertThat(headers.keySet()).containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                "content-type", "ce_dataschema", "ce_partitionkey", "ce_sequence", "ce_aggregatetype", "ce_recordedtime", "ce_actorid",
                "ce_actorrole", "ce_actororg", "ce_correlationid", "ce_causationid", "ce_prevhash", "ce_hash");
    }

    // helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).load(yaml);
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Map<String, Object> child = asMap(parent.get(key));
        assertThat(child).as(key).isNotNull();
        return child;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static String ref(Object value) {
        Object target = asMap(value).get("$ref");
        assertThat(target).as("$ref in " + value).isInstanceOf(String.class);
        return (String) target;
    }

    /** A local reference, {@code #/a/b/c}; null when it leads nowhere. */
    private static Object resolve(Map<String, Object> doc, String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        Object node = doc;
        for (String part : ref.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static String firstDifference(String committed, String rendered) {
        if (committed.isEmpty()) {
            return "it does not exist";
        }
        String[] a = committed.split("\n", -1);
        String[] b = rendered.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "first at line " + (i + 1) + ": committed '" + x + "', rendered '" + y + "'";
            }
        }
        return "they differ";
    }
}
