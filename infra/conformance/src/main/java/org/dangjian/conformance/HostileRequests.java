package org.dangjian.conformance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests a careless or hostile client sends, generated for every endpoint of an {@link ApiDescription}: each body
 * property replaced by wrong kinds of values, Unicode edge cases and MongoDB operators; bodies that are not JSON, not
 * UTF-8, nested ten thousand deep or larger than allowed, with keys repeated or a second value after the first;
 * path ids and query parameters that are no ids or numbers; header values with bytes outside ASCII. Hand-picked cases
 * (every one a fault found once) and random ones (any code point, any size of number) from a seed that a failure names.
 */
public final class HostileRequests {

    /** One request: what it is (for messages), and what to send. The token is added by whoever sends it. */
    public record Request(String description, String method, String target, Map<String, byte[]> headers, byte[] body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Text values that each broke something somewhere once, or could. */
    static final List<String> EDGE_TEXTS = List.of("", " ", "\u0000", "名\u0000称", "\u001b[31m红\u001b[0m", "第一\r\n支部", "a\u0085b",
            "\u202e部支一第", "\u200b\u200b\u200b", "\ufeff党委", "\ud800", "党\udc00委", "😀".repeat(1000), "党".repeat(101),
            "x".repeat(5000), "\u3000", "  前后空格  ", "1", "0", "-1", " COMMITTEE", "committee", "COMMITTEE ", "null", "true",
            "{\"$ne\":null}", "$where", "../../etc/passwd", "<script>alert(1)</script>", "'; DROP TABLE units; --",
            "A\u030A", "\uFFFF", "\uDBFF\uDFFF", "%00", "%c0%ae");

    /** JSON values of every other kind, MongoDB operators among them. */
    static final List<String> OTHER_KINDS = List.of("123", "-1", "1e308", "0.5", "true", "false", "null", "{}", "[]", "[\"a\"]",
            "{\"$ne\":null}", "{\"$gt\":\"\"}", "{\"$regex\":\".*\"}", "{\"$where\":\"sleep(1000)\"}", "9007199254740993",
            "-9223372036854775809", "99999999999999999999999999");

    /** {@link #OTHER_KINDS} read once. */
    private static final List<JsonNode> OTHER_KIND_NODES = OTHER_KINDS.stream().map(JSON::readTree).toList();
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    /** Path segments in place of an id. */
    static final List<String> HOSTILE_IDS = List.of("not-a-uuid", "..", "%2e%2e", "%2f", "%00", "%c0%ae", "%ff", "%", "%zz", "a%", "..%2f..%2f..", "%2e%2e%2f%2e%2e", "a;b=..",
            "%7B%22%24ne%22%3A1%7D", "$ne", "x".repeat(3000), "00000000-0000-0000-0000-00000000000G", "0-0-0-0-0",
            "%E5%85%9A", "%20", "null", "-1");

    /** Query values in place of a number or a boolean or an id. */
    static final List<String> HOSTILE_VALUES = List.of("0x10", "1e3", "+5", "010", "-1", "9223372036854775807", "-9223372036854775808",
            "99999999999999999999", "1.5", "yes", "on", "TRUE", "", "%00", "%", "%zz", "%E2%80%AE", "not-a-uuid", "%7B%22%24ne%22%3A1%7D");

    private final JsonNode openApi;
    private final Random random;
    private final int oneIn;

    public HostileRequests(JsonNode openApi, long seed) {
        this(openApi, seed, 1);
    }

    /**
     * Requests that take, for each endpoint, one in {@code oneIn} of each hand-picked list (path ids, parameter values,
     * texts, other kinds), a different share per endpoint chosen by the seed: the checks behind the values (path
     * parsing, parameter binding, bean validation) are the same for every endpoint, so one run still sends every value
     * to some endpoint, and runs with other seeds go round the rest.
     */
    public HostileRequests(JsonNode openApi, long seed, int oneIn) {
        if (oneIn < 1) {
            throw new IllegalArgumentException("oneIn must be at least 1");
        }
        this.openApi = openApi;
        this.random = new Random(seed);
        this.oneIn = oneIn;
    }

    /** The share of a hand-picked list this endpoint gets, in the list's order. */
    private <T> List<T> share(List<T> values) {
        if (oneIn == 1) {
            return values;
        }
        List<Integer> indexes = new ArrayList<>(java.util.stream.IntStream.range(0, values.size()).boxed().toList());
        java.util.Collections.shuffle(indexes, random);
        return indexes.subList(0, (values.size() + oneIn - 1) / oneIn).stream().sorted().map(values::get).toList();
    }

    /**
     * Every hostile request for one endpoint, {@code randomCases} of them random, the rest hand-picked; the same seed
     * gives the same requests.
     */
    public List<Request> of(ApiDescription.Endpoint endpoint, String prefix, int randomCases) {
        return of(endpoint, prefix, randomCases, Integer.MAX_VALUE);
    }

    /**
     * The same, with the hand-picked values of at most {@code fieldsPerBody} of the body's properties (chosen by the
     * seed): a check in front of the service (the gateway, which passes bodies through unread) needs the paths,
     * parameters, headers, encodings and sizes, not every property's every value, which the service's own run sends.
     */
    public List<Request> of(ApiDescription.Endpoint endpoint, String prefix, int randomCases, int fieldsPerBody) {
        List<Request> requests = new ArrayList<>();
        String path = prefix + endpoint.validPath(UUID.randomUUID().toString());
        ObjectNode valid = endpoint.body() == null ? null : validBody(endpoint.body());
        byte[] validBytes = valid == null ? null : bytes(valid);
        for (String id : endpoint.pathParameters().isEmpty() ? List.<String>of() : share(HOSTILE_IDS)) {
            requests.add(request("path id " + id, endpoint.method(), prefix + endpoint.path(id), validBytes));
        }
        for (ApiDescription.Parameter parameter : endpoint.query()) {
            for (String value : share(HOSTILE_VALUES)) {
                requests.add(request(parameter.name() + "=" + value, endpoint.method(), path + "?" + parameter.name() + "=" + value,
                        validBytes));
            }
            requests.add(request(parameter.name() + "[$ne]", endpoint.method(), path + "?" + parameter.name() + "[$ne]=x", null));
            requests.add(request(parameter.name() + " twice", endpoint.method(), path + "?" + parameter.name() + "=1&" + parameter.name() + "=2",
                    null));
        }
        if (valid != null) {
            List<String> names = propertyNames(endpoint.body());
            List<String> picked = new ArrayList<>(names);
            if (picked.size() > fieldsPerBody) {
                java.util.Collections.shuffle(picked, random);
                picked = picked.subList(0, fieldsPerBody);
            }
            bodies(endpoint.method(), path, valid, picked, names, requests, randomCases);
        }
        headers(endpoint.method(), path, validBytes, requests);
        for (int i = 0; i < randomCases / 4; i++) {
            String id = URLEncoder.encode(randomText(), StandardCharsets.UTF_8);
            requests.add(request("random path id " + id, endpoint.method(), prefix + endpoint.path(id.isEmpty() ? "%20" : id), validBytes));
        }
        return requests;
    }

    private void bodies(String method, String path, ObjectNode valid, List<String> picked, List<String> names, List<Request> requests,
                        int randomCases) {
        for (String name : picked) {
            for (String text : share(EDGE_TEXTS)) {
                requests.add(request(name + " = text " + abbreviate(text), method, path, bytes(with(valid, name, NODES.stringNode(text)))));
            }
            for (int k : share(java.util.stream.IntStream.range(0, OTHER_KINDS.size()).boxed().toList())) {
                requests.add(request(name + " = " + OTHER_KINDS.get(k), method, path, bytes(with(valid, name, OTHER_KIND_NODES.get(k)))));
            }
            String json = valid.toString();
            requests.add(request(name + " twice", method, path, ("{\"" + name + "\":\"first\"," + json.substring(1))
                    .getBytes(StandardCharsets.UTF_8)));
            // an overlong UTF-8 "/" (C0 AF) and a lone continuation byte inside the property's text
            requests.add(request(name + " overlong UTF-8", method, path, splice(with(valid, name, NODES.stringNode("A#B")), "C0AF")));
            requests.add(request(name + " invalid UTF-8", method, path, splice(with(valid, name, NODES.stringNode("A#B")), "FF")));
        }
        for (int i = 0; i < randomCases; i++) {
            String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
            JsonNode value = randomValue();
            requests.add(request(name + " = random " + abbreviate(value.toString()), method, path, bytes(with(valid, name, value))));
        }
        requests.add(request("not JSON", method, path, "name=党委".getBytes(StandardCharsets.UTF_8)));
        requests.add(request("empty body", method, path, new byte[0]));
        requests.add(request("JSON null", method, path, "null".getBytes(StandardCharsets.UTF_8)));
        requests.add(request("JSON array", method, path, "[]".getBytes(StandardCharsets.UTF_8)));
        requests.add(request("JSON string", method, path, "\"党委\"".getBytes(StandardCharsets.UTF_8)));
        requests.add(request("unknown $where key", method, path, bytes(with(valid, "$where", NODES.stringNode("1")))));
        requests.add(request("a second value", method, path, (valid + " " + valid).getBytes(StandardCharsets.UTF_8)));
        requests.add(request("nested 10,000 deep", method, path, ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8)));
        requests.add(request("objects nested 5,000 deep", method, path,
                ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8)));
        requests.add(request("a body of 3 MB", method, path, bytes(with(valid, names.isEmpty() ? "x" : names.get(0),
                NODES.stringNode("党".repeat(1_000_000))))));
        requests.add(request("byte-order mark", method, path, RawHttp.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(valid))));
        requests.add(request("UTF-16", method, path, valid.toString().getBytes(StandardCharsets.UTF_16)));
        Map<String, byte[]> latin1 = Map.of("Content-Type", ascii("application/json;charset=ISO-8859-1"));
        requests.add(new Request("charset ISO-8859-1", method, path, latin1, bytes(valid)));
        requests.add(new Request("text/plain", method, path, Map.of("Content-Type", ascii("text/plain")), bytes(valid)));
        requests.add(new Request("no content type", method, path, Map.of(), bytes(valid)));
    }

    private void headers(String method, String path, byte[] body, List<Request> requests) {
        Map<String, byte[]> chosen = new LinkedHashMap<>();
        chosen.put("Idempotency-Key UTF-8 党", "党".getBytes(StandardCharsets.UTF_8));
        chosen.put("Idempotency-Key of 300 characters", ascii("k".repeat(300)));
        chosen.put("Idempotency-Key with a space", ascii("a b"));
        chosen.put("Idempotency-Key C1 byte", new byte[] {'k', (byte) 0x85});
        for (Map.Entry<String, byte[]> header : chosen.entrySet()) {
            requests.add(new Request(header.getKey(), method, path, json(Map.of("Idempotency-Key", header.getValue())), body));
        }
        requests.add(new Request("Accept XML", method, path, json(Map.of("Accept", ascii("application/xml"))), body));
        requests.add(new Request("Accept-Language garbage", method, path, json(Map.of("Accept-Language", ascii("xx-;q=abc,*;q=9"))),
                body));
        requests.add(new Request("X-Correlation-Id with control bytes", method, path,
                json(Map.of("X-Correlation-Id", new byte[] {'a', 0x1b, '[', '3', '1', 'm'})), body));
    }

    /**
     * A body that satisfies the schema: its required properties only, each with its example when the schema gives one
     * (a date, an ID-card number: a value no plain one would pass), else a plain value of its kind.
     */
    public ObjectNode validBody(JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        for (JsonNode required : schema.path("required")) {
            String name = required.asString();
            body.set(name, plainValue(ApiDescription.resolve(openApi, schema.path("properties").path(name))));
        }
        return body;
    }

    private JsonNode plainValue(JsonNode property) {
        if (property.has("enum")) {
            return property.get("enum").get(0);
        }
        if (property.has("example")) {
            return property.get("example");
        }
        if (property.path("examples").isArray() && !property.path("examples").isEmpty()) {
            return property.path("examples").get(0);
        }
        return switch (property.path("type").asString("string")) {
            case "integer", "number" -> NODES.numberNode(0);
            case "boolean" -> NODES.booleanNode(false);
            case "object" -> validBody(property);
            case "array" -> NODES.arrayNode();
            default -> {
                if (property.has("pattern") || "uuid".equals(property.path("format").asString())) {
                    yield NODES.stringNode(UUID.randomUUID().toString());
                }
                if ("date-time".equals(property.path("format").asString())) {
                    yield NODES.stringNode(Instant.now().minus(1, ChronoUnit.MINUTES).toString());
                }
                yield NODES.stringNode("检查" + Integer.toString(random.nextInt(1_000_000), 36));
            }
        };
    }

    private static List<String> propertyNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> names.add(property.getKey()));
        return names;
    }

    /** Up to 40 code points from anywhere: ASCII, controls, the BMP (lone surrogates included), the astral planes. */
    private String randomText() {
        return randomText(40);
    }

    private String randomText(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 4) {
                text.append((char) random.nextInt(0x20));
            } else if (kind < 8) {
                text.append((char) random.nextInt(0x10000));
            } else {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return text.toString();
    }

    /** A random JSON value of any kind: text, integers and floats of any size, or one of {@link #OTHER_KINDS}. */
    private JsonNode randomValue() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> NODES.stringNode(randomText(120));
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> random.nextBoolean() ? NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300))
                    : NODES.numberNode(new java.math.BigInteger(200, random));
            default -> OTHER_KIND_NODES.get(random.nextInt(OTHER_KIND_NODES.size()));
        };
    }

    private static Request request(String description, String method, String target, byte[] body) {
        return new Request(description, method, target, body == null ? Map.of() : json(Map.of()), body);
    }

    private static Map<String, byte[]> json(Map<String, byte[]> headers) {
        Map<String, byte[]> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", ascii("application/json"));
        return all;
    }

    private static ObjectNode with(ObjectNode body, String name, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        copy.set(name, value);
        return copy;
    }

    /** The body's bytes with the {@code #} of its text replaced by raw bytes (hex). */
    private static byte[] splice(ObjectNode body, String hex) {
        String json = body.toString();
        int at = json.indexOf('#');
        return RawHttp.concat(json.substring(0, at).getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex),
                json.substring(at + 1).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String abbreviate(String text) {
        return RawHttp.abbreviate(CONTROL.matcher(text).replaceAll("?"));
    }
}
