package io.fluxsocketio.engineio.transport;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoSession;
import io.fluxsocketio.engineio.EngineIoTransport;
import io.fluxsocketio.engineio.OutboundBatch;
import io.fluxsocketio.engineio.WriteLane;
import io.fluxsocketio.engineio.protocol.EngineIoPacket;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacketCodec;
import io.fluxsocketio.engineio.protocol.EngineIoProtocolException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.VoidChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One Engine.IO packet per WebSocket frame, text packets in text frames and binary messages in binary frames, on
 * Reactor Netty's WebSocket directly: frames are written to the channel with no stream of messages in between, and
 * whole messages are read by a {@link WebSocketMessageReader} in the pipeline.
 *
 * <p>Order: the session calls {@link #write} under its lock, one caller at a time, from any thread. Packets from
 * other threads go into a queue that one task on the channel's event loop drains, writing what has gathered and
 * flushing once: a burst costs each connection one task and one system call, whichever thread emitted, and within an
 * {@link OutboundBatch} (a broadcast) the tasks of all its connections on one event loop are handed over as one. A
 * packet written on the event loop itself, with nothing queued before it, goes to the channel at once and
 * waits for the same task's flush. That task runs once the loop has handled every connection its last poll found
 * ready, so replies to a burst of reads leave together, as with Reactor Netty's own writes: flushing each at the end
 * of its connection's read cost 5-10% more CPU per ack in echo-ack, as the loop then woke up more often for fewer
 * messages. While a broadcast's walk handed to the loop ({@link WriteLane}) waits for it, writes go through the loop's
 * task queue behind it, and so do all later writes to this connection until those have run.
 */
public final class WebSocketTransport implements EngineIoTransport {

    private static final Log logger = LogFactory.getLog(WebSocketTransport.class);

    /** The name Netty's WebSocket handshake gives the frame encoder it adds to the pipeline. */
    private static final String FRAME_ENCODER_NAME = "wsencoder";

    /** The reader's name in the channel's pipeline. */
    private static final String READER_NAME = "fluxsocketio.messageReader";

    /** How long a closing connection may take to send its close frame before the channel is closed anyway. */
    private static final long CLOSE_GRACE_MILLIS = 2_000;

    /** Frames a drain writes between flushes. */
    private static final int FLUSH_EVERY = 128;

    /** Frames a drain writes before it yields the event loop and goes on in a task of its own. */
    private static final int MAX_FRAMES_PER_DRAIN = 32 * FLUSH_EVERY;

    private final WebsocketInbound inbound;

    private final WebsocketOutbound outbound;

    private final Channel channel;

    /** Where frames are written and flushed: see {@link #frameOutput}. */
    private final ChannelOutboundInvoker frames;

    private final EventLoop eventLoop;

    private final WriteLane lane;

    private final int maxFramePayload;

    // Counters are volatile fields with updaters rather than atomic objects: a broadcast touches every recipient's
    // transport, and each extra object is one more cache miss.
    private static final AtomicIntegerFieldUpdater<WebSocketTransport> DRAIN_SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketTransport.class, "drainScheduled");

    private static final AtomicIntegerFieldUpdater<WebSocketTransport> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketTransport.class, "closing");

    private static final AtomicIntegerFieldUpdater<WebSocketTransport> QUEUED_BEHIND_WALKS =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketTransport.class, "queuedBehindWalks");

    private final Queue<EngineIoPacket> waiting = new ConcurrentLinkedQueue<>();

    /** 1 from the moment a drain task is scheduled until it starts; the writer that sets it schedules the task. */
    private volatile int drainScheduled;

    private volatile int closing;

    /** Writes sent through the loop's task queue behind a broadcast's walk that have not run yet. */
    private volatile int queuedBehindWalks;

    /** Frames written on the event loop itself since the last flush; read and written on the event loop only. */
    private int unflushed;

    /**
     * Frames given to the channel, and of those the ones the socket is known to have taken: their difference is what
     * {@link #bufferedCount} reports. Both change on the event loop only, so volatile fields need no atomic updates.
     * Frames are written without a promise of their own: a listener per frame cost about 2% of the server's CPU in
     * echo-ack (an async-profiler profile), where the socket nearly always takes a whole flush at once. See
     * {@link #flushFrames}.
     */
    private volatile long framesWritten;

    private volatile long framesTaken;

    /** Writes whose outcome nobody awaits; a failed one means a closed channel, which the inbound side reports. */
    private final ChannelPromise noPromise;

    private final Runnable drain = this::drain;

    private final WebSocketMessageReader reader;

    private volatile EngineIoSession session;

    /** Why the inbound stream ended: the client closed it, unless Netty refused a frame. */
    private volatile CloseReason inboundEnd = CloseReason.TRANSPORT_CLOSE;

    /** Set when the client sent a text frame that is not UTF-8: the close code then says so. */
    private volatile boolean invalidText;

    /**
     * Set once the inbound stream has ended: the client closed (and Reactor Netty answered its close frame), Netty
     * refused a frame (and sent the close frame itself), or the connection dropped. A close frame of ours would then
     * have no one to read it, and sending one disposes the very stream whose end is being handled.
     */
    private volatile boolean inboundEnded;

    public WebSocketTransport(WebsocketInbound inbound, WebsocketOutbound outbound, int maxFramePayload) {
        this.inbound = inbound;
        this.outbound = outbound;
        Channel[] channel = new Channel[1];
        outbound.withConnection(connection -> channel[0] = connection.channel());
        this.channel = channel[0];
        this.eventLoop = this.channel.eventLoop();
        this.lane = WriteLane.of(this.eventLoop);
        this.frames = frameOutput(this.channel);
        this.noPromise = new VoidChannelPromise(this.channel, false);
        this.maxFramePayload = maxFramePayload;
        this.reader = new WebSocketMessageReader(new Messages(), maxFramePayload);
    }

    @Override
    public String name() {
        return EngineIoOptions.WEBSOCKET;
    }

    @Override
    public WriteLane lane() {
        return this.lane;
    }

    @Override
    public void write(EngineIoPacket packet) {
        if (mustQueueBehindWalks()) {
            queueBehindWalks(() -> writeInOrder(packet));
            return;
        }
        writeInOrder(packet);
    }

    /**
     * Decides once for all the packets (a Socket.IO packet and its attachments) whether they wait behind a walk: a
     * walk handed over between two of them, and run before the second, would put its packet between them.
     */
    @Override
    public void writeAll(List<? extends EngineIoPacket> packets) {
        if (packets.size() == 1) {
            write(packets.get(0));
        }
        else if (mustQueueBehindWalks()) {
            queueBehindWalks(() -> writeAllInOrder(packets));
        }
        else {
            writeAllInOrder(packets);
        }
    }

    private void queueBehindWalks(Runnable writes) {
        QUEUED_BEHIND_WALKS.incrementAndGet(this);
        OutboundBatch.execute(this.eventLoop, () -> {
            writes.run();
            // Only now: a write that sees none left must find these ahead of it.
            QUEUED_BEHIND_WALKS.decrementAndGet(this);
        });
    }

    /**
     * Whether a write now would overtake a broadcast's walk, or a write queued behind one, still waiting for the loop.
     * A walk's own writes never wait: the loop runs it in its turn.
     */
    private boolean mustQueueBehindWalks() {
        return (this.queuedBehindWalks != 0 || this.lane.hasWalksPending()) && !this.lane.walkingHere();
    }

    private void writeInOrder(EngineIoPacket packet) {
        if (this.eventLoop.inEventLoop() && this.waiting.isEmpty()) {
            // Nothing from another thread waits to go first: write now, and leave the flush to the drain task.
            writeCounted(packet);
        }
        else {
            this.waiting.offer(packet);
        }
        if (DRAIN_SCHEDULED.compareAndSet(this, 0, 1)) {
            OutboundBatch.execute(this.eventLoop, this.drain);
        }
    }

    private void writeAllInOrder(List<? extends EngineIoPacket> packets) {
        for (EngineIoPacket packet : packets) {
            writeInOrder(packet);
        }
    }

    private void drain() {
        this.drainScheduled = 0;
        EngineIoPacket packet;
        int written = 0;
        while ((packet = this.waiting.poll()) != null) {
            writeCounted(packet);
            if (++written == MAX_FRAMES_PER_DRAIN) {
                flushUnflushed();
                // Producers faster than the loop must not keep it from the other channels it serves.
                if (DRAIN_SCHEDULED.compareAndSet(this, 0, 1)) {
                    this.eventLoop.execute(this.drain);
                }
                return;
            }
        }
        flushUnflushed();
    }

    /**
     * Writes a frame on the event loop, flushing every {@link #FLUSH_EVERY}: a long burst, drained or walked, goes out
     * as it is written, as unflushed frames would count against the client's bound.
     */
    private void writeCounted(EngineIoPacket packet) {
        writeFrame(packet);
        if (++this.unflushed == FLUSH_EVERY) {
            flushUnflushed();
        }
    }

    private void flushUnflushed() {
        if (this.unflushed != 0) {
            this.unflushed = 0;
            flushFrames();
        }
    }

    /**
     * Flushes, then settles which frames the socket has taken. Nearly always it took them all, which the channel's
     * empty outbound buffer shows at once; otherwise an empty buffer written behind them marks where they end, and its
     * promise, completed once the socket takes everything before it, settles them then (or when the channel closes).
     */
    private void flushFrames() {
        this.frames.flush();
        ChannelOutboundBuffer unsent = this.channel.unsafe().outboundBuffer();
        long written = this.framesWritten;
        if (unsent == null || unsent.totalPendingWriteBytes() == 0) {
            this.framesTaken = written;
            return;
        }
        this.frames.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(future -> {
            if (this.framesTaken < written) {
                this.framesTaken = written;
            }
        });
    }

    /**
     * The context of Netty's WebSocket frame encoder, which takes frame objects only: our frames are bytes already, and
     * written from there they go on to the socket (or to TLS) without passing, and being type-checked by, each
     * outbound handler between the pipeline's tail and the encoder; a JFR profile of fan-out put about a tenth of the
     * broadcasting event loop's time in that walk. Extension encoders (compression) sit on the tail's side and take
     * frame objects too. A pipeline without the encoder gets the channel, which writes from the tail.
     */
    private static ChannelOutboundInvoker frameOutput(Channel channel) {
        ChannelHandlerContext encoder = channel.pipeline().context(FRAME_ENCODER_NAME);
        return (encoder != null) ? encoder : channel;
    }

    /**
     * Text packets as ready-made frames, past the frame encoder; binary ones as Netty frames, through it, so that their
     * arrays are sent uncopied. Both writes reach the socket's buffer before they return, so they keep their order.
     */
    private void writeFrame(EngineIoPacket packet) {
        this.framesWritten++;
        if (packet instanceof BinaryMessage binary) {
            this.channel.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(binary.data())), this.noPromise);
            return;
        }
        byte[] utf8 = (packet instanceof TextMessage message) ? message.frameUtf8()
                : EngineIoPacketCodec.encode(packet).getBytes(StandardCharsets.UTF_8);
        this.frames.write(TextFrames.of(this.channel.alloc(), utf8), this.noPromise);
    }

    /**
     * The frames the socket has not taken. Those still waiting for the event loop are left out: a burst from another
     * thread always runs ahead of the loop for a moment, and counting it would close clients that read well. A client
     * that stops reading fills the channel as soon as the loop catches up.
     */
    @Override
    public int bufferedCount() {
        return (int) (this.framesWritten - this.framesTaken);
    }

    /** Nothing in the channel and nothing on its way to it: derived, so that a write costs no shared counter. */
    @Override
    public boolean isWritable() {
        return this.framesWritten == this.framesTaken && this.waiting.isEmpty() && this.queuedBehindWalks == 0;
    }

    @Override
    public List<EngineIoPacket> drainUnsent() {
        // Frames go to the channel as they are written; nothing is held back for a hand-over.
        return List.of();
    }

    @Override
    public void pauseForUpgrade() {
        // WebSocket is the last transport: nothing upgrades from it.
    }

    @Override
    public void close(CloseReason reason, boolean flush) {
        if (!CLOSING.compareAndSet(this, 0, 1)) {
            return;
        }
        if (this.eventLoop.inEventLoop() && !mustQueueBehindWalks()) {
            closeOnLoop(reason, flush);
        }
        else {
            // Behind what was written before, whether it waits in a batch or behind a broadcast's walk.
            OutboundBatch.execute(this.eventLoop, () -> closeOnLoop(reason, flush));
        }
    }

    private void closeOnLoop(CloseReason reason, boolean flush) {
        if (flush) {
            drain();
        }
        else {
            this.waiting.clear();
        }
        if (reason == CloseReason.SERVER_SHUTTING_DOWN || this.inboundEnded) {
            // No close frame when shutting down: clients on OkHttp (the Java and Android clients) stop reading once
            // one arrives and notice the close only at their ping timeout, where a dropped connection makes every
            // client reconnect at once, as from a crashed node.
            this.channel.close();
            return;
        }
        WebSocketCloseStatus status = this.invalidText ? WebSocketCloseStatus.INVALID_PAYLOAD_DATA : closeCode(reason);
        this.outbound.sendClose(status.code(), reason.wireName()).subscribe(null, ex -> this.channel.close());
        // A client that stops reading never takes the close frame; it must not keep the connection open.
        Runnable forceClose = this.channel::close;
        var forcedClose = this.eventLoop.schedule(forceClose, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        this.channel.closeFuture().addListener(future -> forcedClose.cancel(false));
    }

    /**
     * Moves frames in from the connection until either side closes; frames out are written by {@link #write}.
     * @return completes when the connection has closed
     */
    public Mono<Void> run(EngineIoSession session) {
        this.session = session;
        this.outbound.withConnection(connection -> connection.addHandlerLast(READER_NAME, this.reader));
        // Data frames go to the reader from the pipeline; the stream sees the rest, and its end is the connection's.
        return this.inbound.receiveFrames()
                .doOnNext(frame -> this.reader.read(this.channel.alloc(), frame))
                .then()
                .onErrorResume(ex -> {
                    CloseReason failure = inboundFailure(session, ex);
                    if (this.inboundEnd == CloseReason.TRANSPORT_CLOSE) {
                        // A reason found before the stream failed (a fragmented message over the limit) stands.
                        this.inboundEnd = failure;
                    }
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    this.inboundEnded = true;
                    session.transportClosed(this, this.inboundEnd);
                });
    }

    /**
     * What a failed inbound stream means. Netty refuses frames over the size limit, or breaking RFC 6455, from their
     * header and closes with the matching code; those are the client's fault and logged as such.
     */
    private static CloseReason inboundFailure(EngineIoSession session, Throwable failure) {
        CloseReason reason;
        if (failure instanceof TooLongFrameException || (failure instanceof CorruptedWebSocketFrameException corrupted
                && corrupted.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG))) {
            reason = CloseReason.PAYLOAD_TOO_LARGE;
        }
        else if (failure instanceof CorruptedWebSocketFrameException) {
            reason = CloseReason.PARSE_ERROR;
        }
        else {
            logger.debug("WebSocket of session " + session.id() + " failed", failure);
            return CloseReason.TRANSPORT_CLOSE;
        }
        logger.info("Closing Engine.IO session " + session.id() + " (" + reason.wireName() + "): "
                + failure.getMessage());
        return reason;
    }

    /** Closes a connection that never became a session's transport. */
    public Mono<Void> reject() {
        close(CloseReason.TRANSPORT_ERROR, false);
        return this.inbound.receiveCloseStatus().then();
    }

    /** Whole messages from the reader, one Engine.IO packet each. Pings, pongs and closes are Reactor Netty's. */
    private final class Messages implements WebSocketMessageReader.Receiver {

        @Override
        public void message(boolean text, ByteBuf content) {
            EngineIoSession bound = WebSocketTransport.this.session;
            try {
                if (!text) {
                    bound.receive(WebSocketTransport.this, EngineIoPacketCodec.decode(ByteBufUtil.getBytes(content)));
                    return;
                }
                byte[] utf8 = TextFrames.validUtf8(content);
                if (utf8 == null) {
                    // RFC 6455 (8.1): text that is not UTF-8 fails the connection with 1007, not a lenient decode.
                    WebSocketTransport.this.invalidText = true;
                    bound.protocolError("text message is not valid UTF-8");
                    return;
                }
                bound.receive(WebSocketTransport.this, EngineIoPacketCodec.decodeText(utf8));
            }
            catch (EngineIoProtocolException ex) {
                bound.protocolError(ex.getMessage());
            }
        }

        @Override
        public void tooLarge(long size) {
            WebSocketTransport.this.inboundEnd = CloseReason.PAYLOAD_TOO_LARGE;
            logger.info("Closing Engine.IO session " + WebSocketTransport.this.session.id() + " (payload too large): "
                    + "a fragmented message of at least " + size + " bytes, over the limit of "
                    + WebSocketTransport.this.maxFramePayload);
            close(CloseReason.PAYLOAD_TOO_LARGE, false);
        }
    }

    private static WebSocketCloseStatus closeCode(CloseReason reason) {
        return switch (reason) {
            case PAYLOAD_TOO_LARGE -> WebSocketCloseStatus.MESSAGE_TOO_BIG;
            case PARSE_ERROR -> WebSocketCloseStatus.PROTOCOL_ERROR;
            case OUTBOUND_BUFFER_FULL -> WebSocketCloseStatus.POLICY_VIOLATION;
            case PING_TIMEOUT -> WebSocketCloseStatus.ENDPOINT_UNAVAILABLE;
            default -> WebSocketCloseStatus.NORMAL_CLOSURE;
        };
    }
}
