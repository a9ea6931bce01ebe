package io.fluxsocketio.engineio.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Takes a WebSocket's data frames off the pipeline, ahead of Reactor Netty's inbound stream, and hands whole
 * messages to a {@link Receiver}: a message split into fragments (RFC 6455, 5.4) is put back together, and its whole
 * size counted against the limit, which Netty's decoder applies to one frame only. Control frames go on down the
 * pipeline: Reactor Netty answers pings and closes.
 *
 * <p>Netty's decoder has already checked the order of fragments; this only collects them.
 */
final class WebSocketMessageReader extends ChannelInboundHandlerAdapter {

    /** Where whole messages go. Called on the channel's event loop. */
    interface Receiver {

        /** A whole message; {@code content} is released after the call and must not be kept. */
        void message(boolean text, ByteBuf content);

        /** A fragmented message grew past the limit: its fragments so far are dropped, and so are the rest. */
        void tooLarge(long size);
    }

    /** Fragments held as components before they are copied into one buffer; a guard against tiny fragments. */
    private static final int MAX_COMPONENTS = 1024;

    private final Receiver receiver;

    private final int maxMessageSize;

    /** The fragments of the message being read, or null between messages. */
    private CompositeByteBuf fragments;

    private boolean fragmentsAreText;

    /** Set while the rest of a message found too large arrives, to be dropped. */
    private boolean dropping;

    WebSocketMessageReader(Receiver receiver, int maxMessageSize) {
        this.receiver = receiver;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!isData(msg)) {
            ctx.fireChannelRead(msg);
            return;
        }
        WebSocketFrame frame = (WebSocketFrame) msg;
        try {
            read(ctx.alloc(), frame);
        }
        finally {
            frame.release();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardFragments();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        discardFragments();
        ctx.fireChannelInactive();
    }

    static boolean isData(Object frame) {
        return frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
                || frame instanceof ContinuationWebSocketFrame;
    }

    /**
     * Reads one frame; the caller keeps ownership of it. Frames that reached Reactor Netty's stream before this
     * handler was in the pipeline come here too, so that they are read in the same order and the same way.
     */
    void read(ByteBufAllocator allocator, WebSocketFrame frame) {
        if (frame instanceof ContinuationWebSocketFrame) {
            continued(frame);
        }
        else if (isData(frame)) {
            boolean text = frame instanceof TextWebSocketFrame;
            if (frame.isFinalFragment()) {
                this.receiver.message(text, frame.content());
            }
            else {
                discardFragments();
                this.fragments = allocator.compositeBuffer(MAX_COMPONENTS);
                this.fragmentsAreText = text;
                this.fragments.addComponent(true, frame.content().retain());
            }
        }
    }

    private void continued(WebSocketFrame frame) {
        if (this.dropping) {
            this.dropping = !frame.isFinalFragment();
            return;
        }
        if (this.fragments == null) {
            // Netty's decoder refuses a continuation outside a fragmented message; nothing to add it to.
            return;
        }
        long size = (long) this.fragments.readableBytes() + frame.content().readableBytes();
        if (size > this.maxMessageSize) {
            discardFragments();
            this.dropping = !frame.isFinalFragment();
            this.receiver.tooLarge(size);
            return;
        }
        this.fragments.addComponent(true, frame.content().retain());
        if (frame.isFinalFragment()) {
            CompositeByteBuf whole = this.fragments;
            this.fragments = null;
            try {
                this.receiver.message(this.fragmentsAreText, whole);
            }
            finally {
                whole.release();
            }
        }
    }

    private void discardFragments() {
        if (this.fragments != null) {
            this.fragments.release();
            this.fragments = null;
        }
    }
}
