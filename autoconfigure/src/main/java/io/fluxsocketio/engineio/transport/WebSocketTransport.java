package io.fluxsocketio.engineio.transport;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoSession;
import io.fluxsocketio.engineio.EngineIoTransport;
import io.fluxsocketio.engineio.protocol.EngineIoPacket;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacketCodec;
import io.fluxsocketio.engineio.protocol.EngineIoProtocolException;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One Engine.IO packet per WebSocket frame: text packets in text frames, binary messages in binary frames. The
 * session serializes writes, so the outbound sink sees one producer at a time.
 */
public final class WebSocketTransport implements EngineIoTransport {

    private static final Log logger = LogFactory.getLog(WebSocketTransport.class);

    private final WebSocketSession connection;

    private final Sinks.Many<EngineIoPacket> outbound = Sinks.many().unicast().onBackpressureBuffer();

    private final AtomicInteger buffered = new AtomicInteger();

    private volatile EngineIoSession session;

    /** Set before the outbound stream completes, so that every path that closes the connection uses it. */
    private volatile CloseStatus closeStatus = CloseStatus.NORMAL;

    public WebSocketTransport(WebSocketSession connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return EngineIoOptions.WEBSOCKET;
    }

    @Override
    public void write(EngineIoPacket packet) {
        this.buffered.incrementAndGet();
        if (this.outbound.tryEmitNext(packet).isFailure()) {
            this.buffered.decrementAndGet();
        }
    }

    @Override
    public int bufferedCount() {
        return this.buffered.get();
    }

    @Override
    public boolean isWritable() {
        return this.buffered.get() == 0;
    }

    @Override
    public List<EngineIoPacket> drainUnsent() {
        // Frames are handed to the connection as soon as it asks; nothing is held back for a hand-over.
        return List.of();
    }

    @Override
    public void pauseForUpgrade() {
        // WebSocket is the last transport: nothing upgrades from it.
    }

    @Override
    public void close(CloseReason reason, boolean flush) {
        this.closeStatus = closeStatus(reason);
        this.outbound.tryEmitComplete();
        if (!flush) {
            this.connection.close(this.closeStatus).subscribe();
        }
    }

    /**
     * Moves frames both ways for the given session until either side closes.
     * @return completes when the connection has closed
     */
    public Mono<Void> run(EngineIoSession session) {
        this.session = session;
        Mono<Void> input = this.connection.receive()
                .doOnNext(this::onFrame)
                .then()
                .doOnError(ex -> logger.debug("WebSocket of session " + session.id() + " failed", ex))
                .onErrorResume(ex -> Mono.empty())
                .doFinally(signal -> session.transportClosed(this, CloseReason.TRANSPORT_CLOSE));
        Flux<WebSocketMessage> frames = this.outbound.asFlux().map(this::toFrame);
        Mono<Void> output = this.connection.send(frames)
                .onErrorResume(ex -> Mono.empty())
                .then(Mono.defer(() -> this.connection.close(this.closeStatus)));
        return Mono.when(input, output);
    }

    private void onFrame(WebSocketMessage frame) {
        EngineIoSession bound = this.session;
        try {
            switch (frame.getType()) {
                case TEXT -> bound.receive(this, EngineIoPacketCodec.decode(frame.getPayloadAsText()));
                case BINARY -> bound.receive(this, EngineIoPacketCodec.decode(bytes(frame.getPayload())));
                case PING, PONG -> {
                    // WebSocket-level heartbeats are answered by Reactor Netty; Engine.IO has its own.
                }
            }
        }
        catch (EngineIoProtocolException ex) {
            bound.protocolError(ex.getMessage());
        }
    }

    private WebSocketMessage toFrame(EngineIoPacket packet) {
        this.buffered.decrementAndGet();
        if (packet instanceof BinaryMessage binary) {
            return this.connection.binaryMessage(factory -> factory.wrap(binary.data()));
        }
        return this.connection.textMessage(EngineIoPacketCodec.encode(packet));
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        return bytes;
    }

    private static CloseStatus closeStatus(CloseReason reason) {
        return switch (reason) {
            case PAYLOAD_TOO_LARGE -> CloseStatus.TOO_BIG_TO_PROCESS;
            case PARSE_ERROR -> CloseStatus.PROTOCOL_ERROR;
            case OUTBOUND_BUFFER_FULL -> CloseStatus.POLICY_VIOLATION.withReason(reason.wireName());
            case SERVER_SHUTTING_DOWN, PING_TIMEOUT -> CloseStatus.GOING_AWAY;
            default -> CloseStatus.NORMAL;
        };
    }
}
