package io.fluxsocketio.socketio.protocol;

import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Connect;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.ConnectError;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Disconnect;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Vectors from the Socket.IO v5 protocol document, both ways, and malformed input. */
class SocketIoCodecTests {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private final SocketIoEncoder encoder = new SocketIoEncoder(mapper);

    private final SocketIoDecoder decoder = new SocketIoDecoder(mapper, 10);

    static Stream<Arguments> textPackets() {
        return Stream.of(
                Arguments.of("0", new Connect("/", null)),
                Arguments.of("0/admin,", new Connect("/admin", null)),
                Arguments.of("0{\"token\":\"123\"}", new Connect("/", json("{\"token\":\"123\"}"))),
                Arguments.of("0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}",
                        new Connect("/admin", json("{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}"))),
                Arguments.of("1/admin,", new Disconnect("/admin")),
                Arguments.of("1", new Disconnect("/")),
                Arguments.of("2[\"foo\"]", new Event("/", null, array("[\"foo\"]"))),
                Arguments.of("2/admin,[\"bar\"]", new Event("/admin", null, array("[\"bar\"]"))),
                Arguments.of("212[\"foo\",1,{\"a\":[true,null]}]", new Event("/", 12L, array("[\"foo\",1,{\"a\":[true,null]}]"))),
                Arguments.of("2/admin,13[\"bar\"]", new Event("/admin", 13L, array("[\"bar\"]"))),
                Arguments.of("3/admin,13[\"bar\"]", new Ack("/admin", 13, array("[\"bar\"]"))),
                Arguments.of("30[]", new Ack("/", 0, array("[]"))),
                Arguments.of("4{\"message\":\"Not authorized\"}", new ConnectError("/", json("{\"message\":\"Not authorized\"}"))),
                Arguments.of("4/admin,{\"message\":\"x\",\"data\":{\"a\":1}}",
                        new ConnectError("/admin", json("{\"message\":\"x\",\"data\":{\"a\":1}}"))));
    }

    @ParameterizedTest
    @MethodSource("textPackets")
    void decodesTextPackets(String wire, SocketIoPacket packet) {
        assertThat(this.decoder.decode(wire)).isEqualTo(new SocketIoDecoder.Decoded(packet, 0));
    }

    @ParameterizedTest
    @MethodSource("textPackets")
    void encodesTextPackets(String wire, SocketIoPacket packet) {
        EncodedPacket encoded = this.encoder.encode(packet);
        assertThat(encoded.text()).isEqualTo(wire);
        assertThat(encoded.attachmentCount()).isZero();
    }

    @Test
    void encodesBinaryEventsWithPlaceholdersAndLeavesThePacketAlone() {
        ArrayNode data = mapper.createArrayNode().add("baz");
        data.addObject().put("bytes", new byte[] { 1, 2, 3 });
        data.add(new byte[] { 4 });
        Event event = new Event("/", null, data);
        String before = data.toString();

        EncodedPacket encoded = this.encoder.encode(event);

        assertThat(encoded.text()).isEqualTo("52-[\"baz\",{\"bytes\":{\"_placeholder\":true,\"num\":0}},"
                + "{\"_placeholder\":true,\"num\":1}]");
        assertThat(encoded.attachmentCount()).isEqualTo(2);
        assertThat(data.toString()).isEqualTo(before);
    }

    @Test
    void encodesBinaryAcksInANamespace() {
        Ack ack = new Ack("/admin", 15, mapper.createArrayNode().add(new byte[] { 9 }));
        assertThat(this.encoder.encode(ack).text()).isEqualTo("61-/admin,15[{\"_placeholder\":true,\"num\":0}]");
    }

    @Test
    void assemblesBinaryEventsFromTheirAttachments() {
        SocketIoPacketAssembler assembler = new SocketIoPacketAssembler(this.decoder);

        assertThat(assembler.onText("52-[\"baz\",{\"_placeholder\":true,\"num\":1},{\"x\":{\"_placeholder\":true,\"num\":0}}]")).isNull();
        assertThat(assembler.isAwaitingAttachments()).isTrue();
        assertThat(assembler.onBinary(new byte[] { 1 })).isNull();
        SocketIoPacket packet = assembler.onBinary(new byte[] { 2, 2 });

        assertThat(packet).isInstanceOf(Event.class);
        Event event = (Event) packet;
        assertThat(event.name()).isEqualTo("baz");
        assertThat(event.data().get(1).binaryValue()).containsExactly(2, 2);
        assertThat(event.data().get(2).get("x").binaryValue()).containsExactly(1);
        assertThat(assembler.isAwaitingAttachments()).isFalse();
    }

    @Test
    void assemblesBinaryAcksAndRoundTripsThem() {
        SocketIoPacketAssembler assembler = new SocketIoPacketAssembler(this.decoder);
        assembler.onText("61-/admin,15[{\"_placeholder\":true,\"num\":0}]");
        Ack ack = (Ack) assembler.onBinary(new byte[] { 7, 8 });

        assertThat(ack).isEqualTo(new Ack("/admin", 15, mapper.createArrayNode().add(BinaryNode.valueOf(new byte[] { 7, 8 }))));
        EncodedPacket again = this.encoder.encode(ack);
        assertThat(again.text()).isEqualTo("61-/admin,15[{\"_placeholder\":true,\"num\":0}]");
        assertThat(again.messages()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "7", "9[]", "2", "2{}", "2[]", "2[1]", "2[null]", "2[\"connect\"]",
            "2[\"disconnect\",1]", "3[]", "3/a,[]", "31{}", "2[\"a\"", "2[\"a\"]x", "2[\"a\"][\"b\"]", "0[]", "0\"x\"",
            "1{\"a\":1}", "4", "41", "5-[\"a\"]", "5a-[\"a\"]", "51[\"a\"]", "50-[\"a\"]", "511-[\"a\"]",
            "59999999999-[\"a\"]", "21234567890123456[\"a\"]", "2/admin,\u0000[\"a\"", "2[\"a\",NaN]",
            "2[\"a\",1e400]", "2[\"a\",{\"b\":-1e400}]" })
    void rejectsMalformedPacketsWithItsOwnException(String wire) {
        assertThatExceptionOfType(SocketIoProtocolException.class).isThrownBy(() -> this.decoder.decode(wire));
    }

    @Test
    void rejectsDeeplyNestedJsonWithoutOverflowingTheStack() {
        String deep = "2[\"a\"," + "[".repeat(100_000) + "]".repeat(100_000) + "]";
        assertThatExceptionOfType(SocketIoProtocolException.class).isThrownBy(() -> this.decoder.decode(deep));
    }

    static Stream<Arguments> badAssemblies() {
        return Stream.of(
                Arguments.of(List.of(), List.of(new byte[1]), "binary message received with no binary packet pending"),
                Arguments.of(List.of("51-[\"a\",{\"_placeholder\":true,\"num\":0}]", "2[\"b\"]"), List.of(), "text packet received"),
                Arguments.of(List.of("51-[\"a\",{\"_placeholder\":true,\"num\":3}]"), List.of(new byte[1]), "invalid attachment number"),
                Arguments.of(List.of("52-[\"a\",{\"_placeholder\":true,\"num\":0}]"), List.of(new byte[1], new byte[1]), "without a placeholder"),
                Arguments.of(List.of("51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]"), List.of(new byte[1]), "invalid attachment number"));
    }

    @ParameterizedTest
    @MethodSource("badAssemblies")
    void rejectsInconsistentBinaryPackets(List<String> texts, List<byte[]> attachments, String message) {
        SocketIoPacketAssembler assembler = new SocketIoPacketAssembler(this.decoder);
        assertThatExceptionOfType(SocketIoProtocolException.class).isThrownBy(() -> {
            texts.forEach(assembler::onText);
            attachments.forEach(assembler::onBinary);
        }).withMessageContaining(message);
    }

    private static JsonNode json(String json) {
        return mapper.readTree(json);
    }

    private static ArrayNode array(String json) {
        return (ArrayNode) mapper.readTree(json);
    }
}
