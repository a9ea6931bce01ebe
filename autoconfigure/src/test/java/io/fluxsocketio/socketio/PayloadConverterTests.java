package io.fluxsocketio.socketio;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadConverterTests {

    private final PayloadConverter converter = new PayloadConverter(JsonMapper.builder().build());

    record Upload(String name, byte[] content, ByteBuffer preview) {
    }

    @Test
    void binaryValuesBecomeBinaryNodesWhereverTheyAreNested() {
        JsonNode node = this.converter.toNode(Map.of("bytes", new byte[] { 1 }, "buffer", ByteBuffer.wrap(new byte[] { 2 }),
                "list", List.of(new byte[] { 3 }, ByteBuffer.wrap(new byte[] { 4 })),
                "record", new Upload("a", new byte[] { 5 }, ByteBuffer.wrap(new byte[] { 6 }))));

        assertThat(node.get("bytes").isBinary()).isTrue();
        assertThat(node.get("buffer").isBinary()).isTrue();
        assertThat(node.get("list").get(0).binaryValue()).containsExactly(3);
        assertThat(node.get("list").get(1).binaryValue()).containsExactly(4);
        assertThat(node.get("record").get("content").binaryValue()).containsExactly(5);
        assertThat(node.get("record").get("preview").binaryValue()).containsExactly(6);
        assertThat(node.get("record").get("name").stringValue()).isEqualTo("a");
    }

    @Test
    void binaryNodesConvertBackToByteArraysAndBuffers() {
        JsonNode node = this.converter.toNode(new Upload("a", new byte[] { 5 }, ByteBuffer.wrap(new byte[] { 6 })));

        Upload upload = this.converter.convert(node, Upload.class);

        assertThat(upload.content()).containsExactly(5);
        assertThat(upload.preview().get(0)).isEqualTo((byte) 6);
        assertThat(this.converter.convert(this.converter.toNode(new byte[] { 7 }), ByteBuffer.class).get(0)).isEqualTo((byte) 7);
    }
}
