package org.dangjian.contracts.asyncapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists, strings, integers and booleans as block-style YAML 1.2 that any parser reads back as
 * the same tree: a string is plain only when it cannot be read as anything else, quoted otherwise, and a text of
 * several lines is a literal block.
 */
final class Yaml {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$/][A-Za-z0-9_$/.\\-]*( [A-Za-z0-9_$/.\\-()]+)*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.?[0-9].*|\\.inf|\\.nan)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private Yaml() {
    }

    static String write(Map<String, ?> document) {
        StringBuilder out = new StringBuilder();
        map(out, document, 0);
        return out.toString();
    }

    private static void map(StringBuilder out, Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            out.append(" ".repeat(indent)).append(scalar(entry.getKey())).append(':');
            value(out, entry.getValue(), indent);
        }
    }

    /** After "key:" or "-": the rest of the line and what follows it. */
    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            map(out, (Map<String, ?>) map, indent + 2);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (Object item : list) {
                out.append(" ".repeat(indent + 2)).append('-');
                if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                    // the item's first key on the dash's line, the others below it
                    boolean first = true;
                    for (Map.Entry<String, ?> entry : ((Map<String, ?>) m).entrySet()) {
                        out.append(first ? " " : " ".repeat(indent + 4)).append(scalar(entry.getKey())).append(':');
                        value(out, entry.getValue(), indent + 4);
                        first = false;
                    }
                } else {
                    value(out, item, indent + 2);
                }
            }
        } else if (value instanceof String text && text.contains("\n") && !text.startsWith(" ") && !text.endsWith("\n\n")) {
            String body = text.endsWith("\n") ? text : text + "\n";
            out.append(text.endsWith("\n") ? " |\n" : " |-\n");
            for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
                out.append(line.isEmpty() ? "" : " ".repeat(indent + 2) + line).append('\n');
            }
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    private static String inline(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof String text) {
            return scalar(text);
        }
        throw new IllegalArgumentException("Not a YAML value here: " + value);
    }

    private static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !NUMBER_LIKE.matcher(text).matches() && !RESERVED.contains(text.toLowerCase())) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
