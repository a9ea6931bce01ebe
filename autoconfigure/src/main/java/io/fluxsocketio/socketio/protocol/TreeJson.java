package io.fluxsocketio.socketio.protocol;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON trees that most packets carry (strings, integers, booleans, nulls, arrays and objects) straight
 * into a {@code StringBuilder}, as Jackson would write them, without a generator and a serialization context per
 * packet. Anything else (floating-point numbers, POJO and binary nodes, very deep trees) is left to the mapper.
 */
final class TreeJson {

    private static final int MAX_DEPTH = 64;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TreeJson() {
    }

    /** Appends the tree and returns true, or returns false (having appended part of it) when the mapper must. */
    static boolean write(JsonNode node, StringBuilder out) {
        return write(node, out, 0);
    }

    private static boolean write(JsonNode node, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        switch (node.getNodeType()) {
            case STRING -> string(node.stringValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    return false;
                }
                out.append(node.isBigInteger() ? node.bigIntegerValue().toString() : Long.toString(node.longValue()));
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonNode element : ((ArrayNode) node).values()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    if (!write(element, out, depth + 1)) {
                        return false;
                    }
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> field : ((ObjectNode) node).properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(field.getKey(), out);
                    out.append(':');
                    if (!write(field.getValue(), out, depth + 1)) {
                        return false;
                    }
                }
                out.append('}');
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Escapes as Jackson does by default: quotes, backslashes and control characters; everything else as it is. */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            start = i + 1;
        }
        out.append(value, start, length).append('"');
    }
}
