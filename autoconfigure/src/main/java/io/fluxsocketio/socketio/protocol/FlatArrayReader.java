package io.fluxsocketio.socketio.protocol;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the payload most packets carry, a flat JSON array of plain strings, small integers, booleans and nulls such
 * as {@code ["chat","hello",42]}, in one scan of the packet's text, without a parser and a copy of the text per
 * packet. Whatever else it meets (objects, nested arrays, escapes, fractions, whitespace, errors) it leaves to the
 * full parser, which then reads the payload from its start: the trees it builds are those Jackson would.
 */
final class FlatArrayReader {

    /** Digits of an integer that always fits an {@code int}, as Jackson reads small integers. */
    private static final int MAX_INT_DIGITS = 9;

    private FlatArrayReader() {
    }

    /** The array that the text holds from {@code from} to its end, or null when the full parser must read it. */
    static ArrayNode read(String text, int from, JsonNodeFactory nodes) {
        int length = text.length();
        if (from >= length || text.charAt(from) != '[') {
            return null;
        }
        // Room for the event name and a few arguments: the default of ten is more than most packets carry.
        ArrayNode array = nodes.arrayNode(4);
        int position = from + 1;
        if (position < length && text.charAt(position) == ']') {
            return (position + 1 == length) ? array : null;
        }
        while (position < length) {
            position = readValue(text, position, nodes, array);
            if (position < 0 || position >= length) {
                return null;
            }
            char next = text.charAt(position++);
            if (next == ']') {
                return (position == length) ? array : null;
            }
            if (next != ',') {
                return null;
            }
        }
        return null;
    }

    /** Adds the value at the position to the array; returns the position after it, or -1 to give up. */
    private static int readValue(String text, int position, JsonNodeFactory nodes, ArrayNode array) {
        char first = text.charAt(position);
        if (first == '"') {
            return readString(text, position + 1, nodes, array);
        }
        if (first == '-' || (first >= '0' && first <= '9')) {
            return readInt(text, position, nodes, array);
        }
        if (text.startsWith("true", position)) {
            array.add(nodes.booleanNode(true));
            return position + 4;
        }
        if (text.startsWith("false", position)) {
            array.add(nodes.booleanNode(false));
            return position + 5;
        }
        if (text.startsWith("null", position)) {
            array.add(nodes.nullNode());
            return position + 4;
        }
        return -1;
    }

    private static int readString(String text, int start, JsonNodeFactory nodes, ArrayNode array) {
        for (int position = start; position < text.length(); position++) {
            char c = text.charAt(position);
            if (c == '"') {
                array.add(nodes.stringNode(text.substring(start, position)));
                return position + 1;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    private static int readInt(String text, int start, JsonNodeFactory nodes, ArrayNode array) {
        int position = start;
        boolean negative = text.charAt(position) == '-';
        if (negative) {
            position++;
        }
        int digitsStart = position;
        int value = 0;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            value = value * 10 + (text.charAt(position) - '0');
            position++;
        }
        int digits = position - digitsStart;
        // Leading zeros, "-0", long numbers, fractions and exponents: the parser's rules and node types apply.
        if (digits == 0 || digits > MAX_INT_DIGITS || (digits > 1 && text.charAt(digitsStart) == '0')
                || (negative && value == 0)) {
            return -1;
        }
        if (position < text.length()) {
            char next = text.charAt(position);
            if (next == '.' || next == 'e' || next == 'E') {
                return -1;
            }
        }
        array.add(nodes.numberNode(negative ? -value : value));
        return position;
    }
}
