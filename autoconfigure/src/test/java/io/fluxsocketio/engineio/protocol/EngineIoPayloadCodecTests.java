package io.fluxsocketio.engineio.protocol;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Long-polling payload vectors from the Engine.IO v4 protocol document. */
class EngineIoPayloadCodecTests {

    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of("4hello\u001e4€", List.of(new TextMessage("hello"), new TextMessage("€"))),
                Arguments.of("4hello\u001ebAQIDBA==", List.of(new TextMessage("hello"),
                        new BinaryMessage(new byte[] { 1, 2, 3, 4 }))),
                Arguments.of("2", List.of(EngineIoPacket.PING)),
                Arguments.of("6", List.of(EngineIoPacket.NOOP)),
                Arguments.of("b", List.of(new BinaryMessage(new byte[0]))),
                Arguments.of("3\u001e4a\u001e1", List.of(EngineIoPacket.PONG, new TextMessage("a"), EngineIoPacket.CLOSE)));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void decodesPayloads(String wire, List<EngineIoPacket> packets) {
        assertThat(EngineIoPayloadCodec.decode(wire)).isEqualTo(packets);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void encodesPayloads(String wire, List<EngineIoPacket> packets) {
        assertThat(EngineIoPayloadCodec.encode(packets)).isEqualTo(wire);
    }

    @Test
    void decodesBase64WrappedIntoLinesAsTheJavaClientSendsIt() {
        String wrapped = "b" + "AQID".repeat(19) + "\n" + "AQID" + "\n\u001e4x";

        List<EngineIoPacket> packets = EngineIoPayloadCodec.decode(wrapped);

        assertThat(((BinaryMessage) packets.get(0)).data()).hasSize(60);
        assertThat(packets.get(1)).isEqualTo(new TextMessage("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\u001e", "4a\u001e", "4a\u001e\u001e4b", "b!!!", "bAQ=x", "9", "4a\u001e7" })
    void rejectsMalformedPayloadsWithItsOwnException(String wire) {
        assertThatExceptionOfType(EngineIoProtocolException.class).isThrownBy(() -> EngineIoPayloadCodec.decode(wire));
    }
}
