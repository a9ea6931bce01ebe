package io.fluxsocketio.socketio;

import java.nio.ByteBuffer;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.NullNode;

/**
 * Converts between application objects and the JSON trees packets carry. {@code byte[]} and {@code ByteBuffer}
 * become binary nodes, anywhere in the arguments, so they travel as attachments.
 */
final class PayloadConverter {

    private final JsonMapper mapper;

    PayloadConverter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    JsonMapper mapper() {
        return this.mapper;
    }

    ArrayNode eventData(String event, Object[] args) {
        ArrayNode data = this.mapper.createArrayNode();
        data.add(event);
        return addAll(data, args);
    }

    ArrayNode ackData(Object[] args) {
        return addAll(this.mapper.createArrayNode(), args);
    }

    private ArrayNode addAll(ArrayNode data, Object[] args) {
        for (Object arg : args) {
            data.add(toNode(arg));
        }
        return data;
    }

    JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof byte[] bytes) {
            return BinaryNode.valueOf(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return BinaryNode.valueOf(bytes);
        }
        return this.mapper.valueToTree(value);
    }

    <T> T convert(JsonNode node, Class<T> type) {
        if (type == ByteBuffer.class && node.isBinary()) {
            return type.cast(ByteBuffer.wrap(node.binaryValue()));
        }
        return this.mapper.treeToValue(node, type);
    }

    <T> T convert(JsonNode node, JavaType type) {
        return this.mapper.treeToValue(node, type);
    }
}
