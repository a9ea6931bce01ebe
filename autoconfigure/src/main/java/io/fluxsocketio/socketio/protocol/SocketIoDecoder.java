package io.fluxsocketio.socketio.protocol;

import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Connect;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.ConnectError;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Disconnect;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NumericNode;

/**
 * Parses the text part of a packet and checks its payload as socket.io's parser does. A binary packet comes out
 * as a {@link Decoded} that still waits for its attachments; {@link SocketIoPacketAssembler} completes it.
 * Stateless and thread-safe.
 */
public final class SocketIoDecoder {

    /** Event names the client may not send: they are the library's own. */
    private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
            "disconnecting", "newListener", "removeListener");

    /** Ack ids are JavaScript numbers; more digits than this would lose precision there. */
    private static final int MAX_ID_DIGITS = 15;

    private final ObjectReader reader;

    private final int maxAttachments;

    /**
     * @param maxAttachments the most binary attachments one packet may announce; more is refused before any arrive
     */
    public SocketIoDecoder(JsonMapper mapper, int maxAttachments) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(FiniteNumberNodeFactory.INSTANCE);
        this.maxAttachments = maxAttachments;
    }

    /**
     * A decoded text part.
     * @param attachments how many binary messages must follow before the packet is complete
     */
    public record Decoded(SocketIoPacket packet, int attachments) {
    }

    public Decoded decode(String text) {
        if (text.isEmpty()) {
            throw new SocketIoProtocolException("empty packet");
        }
        Cursor cursor = new Cursor(text);
        char type = cursor.next();
        if (type < '0' || type > '6') {
            throw new SocketIoProtocolException("unknown packet type '" + type + "'");
        }
        boolean binary = type == '5' || type == '6';
        int attachments = binary ? attachmentCount(cursor) : 0;
        String namespace = cursor.peek() == '/' ? cursor.until(',') : SocketIoPacket.MAIN_NAMESPACE;
        Long id = cursor.digits(MAX_ID_DIGITS);
        JsonNode data = cursor.atEnd() ? null : parse(text, cursor.position());
        SocketIoPacket packet = switch (type) {
            case '0' -> new Connect(namespace, requireObjectOrAbsent(data, "CONNECT"));
            case '1' -> disconnect(namespace, data);
            case '2', '5' -> event(namespace, id, data);
            case '3', '6' -> ack(namespace, id, data);
            default -> connectError(namespace, data);
        };
        return new Decoded(packet, attachments);
    }

    private int attachmentCount(Cursor cursor) {
        Long count = cursor.digits(9);
        if (count == null || cursor.next() != '-') {
            throw new SocketIoProtocolException("binary packet without a valid attachment count");
        }
        if (count < 1 || count > this.maxAttachments) {
            throw new SocketIoProtocolException("binary packet announces " + count
                    + " attachments; the limit is " + this.maxAttachments);
        }
        return count.intValue();
    }

    private JsonNode parse(String text, int from) {
        ArrayNode flat = FlatArrayReader.read(text, from, FiniteNumberNodeFactory.INSTANCE);
        if (flat != null) {
            return flat;
        }
        try {
            return this.reader.readTree(text.substring(from));
        }
        catch (JacksonException ex) {
            if (ex.getCause() instanceof SocketIoProtocolException refusal) {
                throw refusal;
            }
            throw new SocketIoProtocolException("invalid JSON payload: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * Refuses numbers beyond a double's range (such as {@code 1e400}) instead of reading them as infinities, which
     * JSON cannot carry back: JavaScript would send them on as {@code null}, Jackson as the string "Infinity".
     */
    private static final class FiniteNumberNodeFactory extends JsonNodeFactory {

        static final FiniteNumberNodeFactory INSTANCE = new FiniteNumberNodeFactory();

        @Override
        public NumericNode numberNode(double value) {
            return super.numberNode(finite(value));
        }

        @Override
        public NumericNode numberNode(float value) {
            return super.numberNode((float) finite(value));
        }

        private static double finite(double value) {
            if (!Double.isFinite(value)) {
                throw new SocketIoProtocolException("number out of range in JSON payload");
            }
            return value;
        }
    }

    private static JsonNode requireObjectOrAbsent(JsonNode data, String type) {
        if (data != null && !data.isObject()) {
            throw new SocketIoProtocolException(type + " payload must be an object");
        }
        return data;
    }

    private static Disconnect disconnect(String namespace, JsonNode data) {
        if (data != null) {
            throw new SocketIoProtocolException("DISCONNECT carries no payload");
        }
        return new Disconnect(namespace);
    }

    private static Event event(String namespace, Long id, JsonNode data) {
        if (!(data instanceof ArrayNode array) || array.isEmpty() || !array.get(0).isString()) {
            throw new SocketIoProtocolException("EVENT payload must be an array starting with the event name");
        }
        if (RESERVED_EVENTS.contains(array.get(0).stringValue())) {
            throw new SocketIoProtocolException("'" + array.get(0).stringValue() + "' is a reserved event name");
        }
        return new Event(namespace, id, array);
    }

    private static Ack ack(String namespace, Long id, JsonNode data) {
        if (id == null) {
            throw new SocketIoProtocolException("ACK without an id");
        }
        if (!(data instanceof ArrayNode array)) {
            throw new SocketIoProtocolException("ACK payload must be an array");
        }
        return new Ack(namespace, id, array);
    }

    private static ConnectError connectError(String namespace, JsonNode data) {
        if (data == null || !(data.isObject() || data.isString())) {
            throw new SocketIoProtocolException("CONNECT_ERROR payload must be an object or a string");
        }
        return new ConnectError(namespace, data);
    }

    /** Walks the header of a packet. */
    private static final class Cursor {

        private final String text;

        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return this.position >= this.text.length();
        }

        char peek() {
            return atEnd() ? 0 : this.text.charAt(this.position);
        }

        char next() {
            if (atEnd()) {
                throw new SocketIoProtocolException("truncated packet");
            }
            return this.text.charAt(this.position++);
        }

        /** Reads up to the delimiter, consuming it; a namespace may also end the packet. */
        String until(char delimiter) {
            int end = this.text.indexOf(delimiter, this.position);
            String value = this.text.substring(this.position, end < 0 ? this.text.length() : end);
            this.position = end < 0 ? this.text.length() : end + 1;
            return value;
        }

        /** Reads a run of digits as a number, or returns null when there is none. */
        Long digits(int maxDigits) {
            int start = this.position;
            while (!atEnd() && Character.isDigit(peek()) && peek() < 128) {
                this.position++;
            }
            if (start == this.position) {
                return null;
            }
            if (this.position - start > maxDigits) {
                throw new SocketIoProtocolException("number too long in packet header");
            }
            return Long.parseLong(this.text, start, this.position, 10);
        }

        int position() {
            return this.position;
        }
    }
}
