package io.fluxsocketio.socketio;

import java.nio.ByteBuffer;
import java.util.Map;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;
import tools.jackson.databind.node.StringNode;

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
        // The common scalar cases skip the mapper.
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return StringNode.valueOf(text);
        }
        if (value instanceof Integer number) {
            return IntNode.valueOf(number);
        }
        if (value instanceof Long number) {
            return LongNode.valueOf(number);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        JsonNode binary = binaryNode(value);
        if (binary != null) {
            return binary;
        }
        return withBinaryNodes(this.mapper.valueToTree(value));
    }

    /**
     * Jackson's {@code valueToTree} keeps nested {@code byte[]} and {@code ByteBuffer} values as POJO nodes, which
     * it would then write as base64 text; they become binary nodes here, in the tree just built.
     */
    private static JsonNode withBinaryNodes(JsonNode node) {
        if (node instanceof POJONode pojo) {
            JsonNode binary = binaryNode(pojo.getPojo());
            return (binary != null) ? binary : node;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withBinaryNodes(array.get(i)));
            }
        }
        else if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(withBinaryNodes(field.getValue()));
            }
        }
        return node;
    }

    private static JsonNode binaryNode(Object value) {
        if (value instanceof byte[] bytes) {
            return BinaryNode.valueOf(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return BinaryNode.valueOf(bytes);
        }
        return null;
    }

    <T> T convert(JsonNode node, Class<T> type) {
        return this.mapper.treeToValue(node, type);
    }

    <T> T convert(JsonNode node, JavaType type) {
        return this.mapper.treeToValue(node, type);
    }
}
