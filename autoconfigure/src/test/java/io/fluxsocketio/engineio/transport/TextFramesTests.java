package io.fluxsocketio.engineio.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built frames read back by Netty's client-side decoder, across the three length encodings. */
class TextFramesTests {

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 125, 126, 127, 65535, 65536, 200_000 })
    void aClientDecoderReadsTheFrameBackWhole(int length) {
        byte[] payload = payloadOf(length);
        ByteBuf frame = TextFrames.of(ByteBufAllocator.DEFAULT, payload);
        assertThat(frame.readableBytes()).isEqualTo(TextFrames.headerLength(length) + length);

        EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).maxFramePayloadLength(Integer.MAX_VALUE).build()));
        client.writeInbound(frame);
        TextWebSocketFrame decoded = client.readInbound();
        try {
            assertThat(decoded.isFinalFragment()).isTrue();
            assertThat(decoded.text()).isEqualTo(new String(payload, StandardCharsets.UTF_8));
            assertThat((Object) client.readInbound()).isNull();
        }
        finally {
            decoded.release();
            client.finishAndReleaseAll();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 125, 126, 65535, 65536 })
    void theShortestLengthEncodingIsUsed(int length) {
        ByteBuf frame = TextFrames.of(ByteBufAllocator.DEFAULT, payloadOf(length));
        try {
            assertThat(frame.getUnsignedByte(0)).isEqualTo((short) 0x81);
            int marker = frame.getUnsignedByte(1);
            if (length <= 125) {
                assertThat(marker).isEqualTo(length);
            }
            else if (length <= 65535) {
                assertThat(marker).isEqualTo(126);
                assertThat(frame.getUnsignedShort(2)).isEqualTo(length);
            }
            else {
                assertThat(marker).isEqualTo(127);
                assertThat(frame.getLong(2)).isEqualTo(length);
            }
        }
        finally {
            frame.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "42[\"chat\",\"hi\"]", "42[\"chat\",\"h\u00e9 \u20ac \u4e16\u754c \ud83d\ude00\"]" })
    void validTextIsDecodedFromWhereTheReaderStands(String text) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer();
        try {
            buffer.writeBytes("skipped".getBytes(StandardCharsets.UTF_8));
            buffer.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            buffer.readerIndex("skipped".length());
            assertThat(new String(TextFrames.validUtf8(buffer), StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(buffer.readerIndex()).isEqualTo("skipped".length());
        }
        finally {
            buffer.release();
        }
    }

    /** Each is a sequence RFC 3629 forbids: the frame must fail with 1007 rather than decode leniently. */
    @ParameterizedTest
    @ValueSource(strings = { "ff", "c0af", "e080af", "eda080", "f4908080", "f8888080af", "e282", "4280", "34c3" })
    void invalidSequencesAreRefusedAsNettyRefusesThem(String hex) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer().writeBytes(HexFormat.of().parseHex(hex));
        try {
            assertThat(ByteBufUtil.isText(buffer, StandardCharsets.UTF_8)).isFalse();
            assertThat(TextFrames.validUtf8(buffer)).isNull();
        }
        finally {
            buffer.release();
        }
    }

    private static byte[] payloadOf(int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 'a');
        if (length > 0) {
            payload[0] = '4';
        }
        return payload;
    }
}
