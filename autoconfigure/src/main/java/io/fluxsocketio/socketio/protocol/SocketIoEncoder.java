package io.fluxsocketio.socketio.protocol;

import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Connect;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.ConnectError;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns packets into their wire form: {@code <type>[<attachments>-][<namespace>,][<ack id>][<json>]}, with each
 * binary value replaced by a {@code {"_placeholder":true,"num":n}} object and sent after the text. Stateless and
 * thread-safe.
 */
public final class SocketIoEncoder {

    private final JsonMapper mapper;

    public SocketIoEncoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public EncodedPacket encode(SocketIoPacket packet) {
        return switch (packet.type()) {
            case CONNECT -> EncodedPacket.of(text('0', 0, packet.namespace(), null, ((Connect) packet).data()),
                    List.of());
            case DISCONNECT -> EncodedPacket.of(text('1', 0, packet.namespace(), null, null), List.of());
            case EVENT -> {
                Event event = (Event) packet;
                yield withAttachments('2', '5', event.namespace(), event.ackId(), event.data());
            }
            case ACK -> {
                Ack ack = (Ack) packet;
                yield withAttachments('3', '6', ack.namespace(), ack.ackId(), ack.data());
            }
            case CONNECT_ERROR -> EncodedPacket.of(text('4', 0, packet.namespace(), null,
                    ((ConnectError) packet).data()), List.of());
        };
    }

    private EncodedPacket withAttachments(char plainType, char binaryType, String namespace, Long id, ArrayNode data) {
        if (!containsBinary(data)) {
            return EncodedPacket.of(text(plainType, 0, namespace, id, data), List.of());
        }
        List<byte[]> attachments = new ArrayList<>();
        JsonNode withPlaceholders = deconstruct(data, attachments);
        return EncodedPacket.of(text(binaryType, attachments.size(), namespace, id, withPlaceholders), attachments);
    }

    /** The text part, header and JSON built in one buffer: most packets are small, and copies are their cost. */
    private String text(char type, int attachments, String namespace, Long id, JsonNode data) {
        StringBuilder text = new StringBuilder(64).append(type);
        if (attachments > 0) {
            text.append(attachments).append('-');
        }
        if (!SocketIoPacket.MAIN_NAMESPACE.equals(namespace)) {
            text.append(namespace).append(',');
        }
        if (id != null) {
            text.append(id.longValue());
        }
        if (data == null) {
            return text.toString();
        }
        int headerLength = text.length();
        if (TreeJson.write(data, text)) {
            return text.toString();
        }
        // The tree writer gave up part way: the mapper writes the JSON after the header instead.
        text.setLength(headerLength);
        return text.append(this.mapper.writeValueAsString(data)).toString();
    }

    static boolean containsBinary(JsonNode node) {
        if (node.isBinary()) {
            return true;
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (containsBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies the tree with binary values replaced by placeholders; the packet's own tree is left as it is. */
    private static JsonNode deconstruct(JsonNode node, List<byte[]> attachments) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node instanceof BinaryNode binary) {
            ObjectNode placeholder = nodes.objectNode();
            placeholder.put("_placeholder", true);
            placeholder.put("num", attachments.size());
            attachments.add(binary.binaryValue());
            return placeholder;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = nodes.arrayNode(array.size());
            for (JsonNode element : array.values()) {
                copy.add(deconstruct(element, attachments));
            }
            return copy;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(field.getKey(), deconstruct(field.getValue(), attachments));
            }
            return copy;
        }
        return node;
    }
}
