package io.fluxsocketio.engineio.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole messages out of single and fragmented frames, within the limit, and every buffer released. */
class WebSocketMessageReaderTests {

    private static final int LIMIT = 10;

    private final List<String> events = new ArrayList<>();

    private final List<ByteBuf> frames = new ArrayList<>();

    private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketMessageReader(new Recorder(), LIMIT));

    @AfterEach
    void everyFrameIsReleased() {
        this.channel.finishAndReleaseAll();
        assertThat(this.frames).allSatisfy(content -> assertThat(content.refCnt()).isZero());
    }

    @Test
    void singleFramesAreMessages() {
        this.channel.writeInbound(text("42[]", true), binary(new byte[] { 1, 2 }, true));

        assertThat(this.events).containsExactly("text 42[]", "binary 0102");
    }

    @Test
    void fragmentsMakeOneMessageAndControlFramesPassByInBetween() {
        PingWebSocketFrame ping = new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] { 9 }));

        this.channel.writeInbound(text("42", false), ping, continuation("[\"a", false), continuation("\"]", true));

        assertThat(this.events).containsExactly("text 42[\"a\"]");
        PingWebSocketFrame passed = this.channel.readInbound();
        assertThat(passed).isSameAs(ping);
        passed.release();
    }

    @Test
    void binaryFragmentsMakeOneBinaryMessage() {
        this.channel.writeInbound(binary(new byte[] { 1 }, false), continuation(new byte[] { 2, 3 }, true));

        assertThat(this.events).containsExactly("binary 010203");
    }

    @Test
    void fragmentsOverTheLimitAreDroppedWithTheRestOfTheirMessage() {
        this.channel.writeInbound(text("123456", false), continuation("7890a", false), continuation("bc", true),
                text("next", true));

        assertThat(this.events).containsExactly("too large 11", "text next");
    }

    @Test
    void aMessageOfExactlyTheLimitIsRead() {
        this.channel.writeInbound(text("12345", false), continuation("67890", true));

        assertThat(this.events).containsExactly("text 1234567890");
    }

    @Test
    void controlFramesPassOnWithoutReachingTheReceiver() {
        PingWebSocketFrame ping = new PingWebSocketFrame(Unpooled.EMPTY_BUFFER);

        this.channel.writeInbound(ping);

        assertThat(this.events).isEmpty();
        ((PingWebSocketFrame) this.channel.readInbound()).release();
    }

    @Test
    void fragmentsOfAClosedConnectionAreReleased() {
        TextWebSocketFrame first = text("12", false);
        ByteBuf content = first.content();

        this.channel.writeInbound(first);
        assertThat(content.refCnt()).as("held until the message is whole").isOne();
        this.channel.close();

        assertThat(content.refCnt()).isZero();
    }

    private TextWebSocketFrame text(String text, boolean last) {
        return track(new TextWebSocketFrame(last, 0, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
    }

    private BinaryWebSocketFrame binary(byte[] bytes, boolean last) {
        return track(new BinaryWebSocketFrame(last, 0, Unpooled.copiedBuffer(bytes)));
    }

    private ContinuationWebSocketFrame continuation(String text, boolean last) {
        return continuation(text.getBytes(StandardCharsets.UTF_8), last);
    }

    private ContinuationWebSocketFrame continuation(byte[] bytes, boolean last) {
        return track(new ContinuationWebSocketFrame(last, 0, Unpooled.copiedBuffer(bytes)));
    }

    private <T extends WebSocketFrame> T track(T frame) {
        this.frames.add(frame.content());
        return frame;
    }

    private final class Recorder implements WebSocketMessageReader.Receiver {

        @Override
        public void message(boolean text, ByteBuf content) {
            WebSocketMessageReaderTests.this.events.add(text ? "text " + content.toString(StandardCharsets.UTF_8)
                    : "binary " + ByteBufUtil.hexDump(content));
        }

        @Override
        public void tooLarge(long size) {
            WebSocketMessageReaderTests.this.events.add("too large " + size);
        }
    }
}
