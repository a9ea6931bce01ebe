package io.fluxsocketio.engineio.protocol;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Open;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Ping;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Pong;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Vectors from the Engine.IO v4 protocol document, both ways. */
class EngineIoPacketCodecTests {

    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of("0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                        + "\"pingTimeout\":20000,\"maxPayload\":1000000}",
                        new Open("lv_VI97HAXpY6yYWAAAC", List.of("websocket"), 25000, 20000, 1000000)),
                Arguments.of("0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":1,\"pingTimeout\":2,\"maxPayload\":3}",
                        new Open("abc", List.of(), 1, 2, 3)),
                Arguments.of("1", EngineIoPacket.CLOSE),
                Arguments.of("2", EngineIoPacket.PING),
                Arguments.of("2probe", new Ping("probe")),
                Arguments.of("3", EngineIoPacket.PONG),
                Arguments.of("3probe", new Pong("probe")),
                Arguments.of("4hello", new TextMessage("hello")),
                Arguments.of("4", new TextMessage("")),
                Arguments.of("4€ and ✓", new TextMessage("€ and ✓")),
                Arguments.of("5", EngineIoPacket.UPGRADE),
                Arguments.of("6", EngineIoPacket.NOOP));
    }

    @ParameterizedTest
    @MethodSource("packets")
    void decodesTheWireForm(String wire, EngineIoPacket packet) {
        assertThat(EngineIoPacketCodec.decode(wire)).isEqualTo(packet);
    }

    @ParameterizedTest
    @MethodSource("packets")
    void decodesTheWireFormFromUtf8(String wire, EngineIoPacket packet) {
        assertThat(EngineIoPacketCodec.decodeText(wire.getBytes(StandardCharsets.UTF_8))).isEqualTo(packet);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "hello", "2[\"echo\",\"\u007f\"]", "caf\u00e9", "ascii then \u20ac", "\u00e9 first",
            "\uD83D\uDE00 outside the BMP", "\u0000 and \u0001" })
    void framesTextAsUtf8AfterTheMessageType(String text) {
        assertThat(new TextMessage(text).frameUtf8()).isEqualTo(("4" + text).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "7", "x", "1x", "0{", "\u0000" })
    void rejectsMalformedUtf8PacketsWithItsOwnException(String wire) {
        assertThatExceptionOfType(EngineIoProtocolException.class)
                .isThrownBy(() -> EngineIoPacketCodec.decodeText(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("packets")
    void encodesTheWireForm(String wire, EngineIoPacket packet) {
        assertThat(EngineIoPacketCodec.encode(packet)).isEqualTo(wire);
    }

    @Test
    void binaryFramesAreMessages() {
        assertThat(EngineIoPacketCodec.decode(new byte[] { 1, 2, 3 })).isEqualTo(new BinaryMessage(new byte[] { 1, 2, 3 }));
    }

    @Test
    void binaryMessagesHaveNoTextForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> EngineIoPacketCodec.encode(new BinaryMessage(new byte[1])));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "7", "9abc", "x", "1x", "5x", "6 ", "0", "0{", "0{}", "0{\"sid\":1}",
            "0{\"sid\":\"a\",\"other\":1}", "0{\"sid\":\"a\"}trailing", "0{\"sid\":\"a\",\"pingInterval\":99999999999999999999}",
            "\u0000", "0{\"sid\":\"a\\\"b\"}" })
    void rejectsMalformedPacketsWithItsOwnException(String wire) {
        assertThatExceptionOfType(EngineIoProtocolException.class).isThrownBy(() -> EngineIoPacketCodec.decode(wire));
    }
}
