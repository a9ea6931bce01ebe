package io.fluxsocketio.engineio.web;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoHandshake;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoServer;
import io.fluxsocketio.engineio.EngineIoSession;
import io.fluxsocketio.engineio.QueryParameters;
import io.fluxsocketio.engineio.protocol.EngineIoPacket;
import io.fluxsocketio.engineio.protocol.EngineIoPayloadCodec;
import io.fluxsocketio.engineio.protocol.EngineIoProtocolException;
import io.fluxsocketio.engineio.transport.OverlappingRequestException;
import io.fluxsocketio.engineio.transport.PollingTransport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * Serves the Engine.IO HTTP API: the handshake, long-polling GET and POST, and WebSocket connections, direct or
 * upgraded from polling. Limits are checked before a body is buffered.
 */
public final class EngineIoWebHandler implements WebHandler, CorsConfigurationSource {

    private static final Log logger = LogFactory.getLog(EngineIoWebHandler.class);

    /** Rounds of 1 ms or more that a poll waits at most for an announced upgrade connection to become the probe. */
    private static final int MAX_UPGRADE_WAIT_ROUNDS = 50;

    private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final EngineIoServer server;

    private final CorsConfiguration cors;

    private final ReactorNettyUpgrade upgrade;

    /**
     * @param cors the origins allowed besides the server's own; an empty configuration allows same-origin only
     */
    public EngineIoWebHandler(EngineIoServer server, CorsConfiguration cors) {
        this.server = server;
        this.cors = cors;
        this.upgrade = new ReactorNettyUpgrade(server.options().maxPayload());
    }

    public EngineIoServer server() {
        return this.server;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
        return this.cors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String query = request.getURI().getRawQuery();
        if (!"4".equals(QueryParameters.first(query, "EIO"))) {
            return error(exchange, EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
        }
        String transport = QueryParameters.first(query, "transport");
        if (transport == null || !this.server.options().allows(transport)) {
            return error(exchange, EngineIoError.UNKNOWN_TRANSPORT);
        }
        String sid = QueryParameters.first(query, "sid");
        if (EngineIoOptions.WEBSOCKET.equals(transport)) {
            return webSocket(exchange, sid);
        }
        if (sid == null) {
            return HttpMethod.GET.equals(request.getMethod()) ? openPolling(exchange)
                    : error(exchange, EngineIoError.BAD_HANDSHAKE_METHOD);
        }
        return pollingRequest(exchange, sid, true);
    }

    private Mono<Void> pollingRequest(ServerWebExchange exchange, String sid, boolean mayWaitForProbe) {
        ServerHttpRequest request = exchange.getRequest();
        EngineIoSession session = this.server.session(sid);
        if (session == null) {
            if (HttpMethod.GET.equals(request.getMethod())
                    && this.server.takeClosedOwingAnswer(sid) instanceof PollingTransport closed
                    && closed.takeFinalAnswer()) {
                // The poll the client sent before its close packet, read after it: ended as a waiting poll would be.
                return write(exchange.getResponse(), TEXT_UTF8, PollingTransport.finalAnswer());
            }
            return error(exchange, EngineIoError.UNKNOWN_SID);
        }
        boolean get = HttpMethod.GET.equals(request.getMethod());
        // Read before the transport: an upgrade that ends in between clears it and has already set its WebSocket as
        // the transport, which the check below then refuses, instead of a poll on the transport it replaced.
        ScheduledExecutorService upgradeReader = (get && mayWaitForProbe) ? session.upgradeReader() : null;
        if (!(session.transport() instanceof PollingTransport polling)) {
            return error(exchange, EngineIoError.BAD_REQUEST);
        }
        if (get) {
            if (upgradeReader != null) {
                // Looked at again once the upgrade's reader has taken in what the client sent on the WebSocket
                // before this request: a client that sent "2probe" and "5" and then polls finds the upgrade done
                // (400), as with socket.io's single thread, instead of a poll that the upgrade then answers.
                return afterUpgradeReads(session, upgradeReader, MAX_UPGRADE_WAIT_ROUNDS)
                        .then(Mono.defer(() -> pollingRequest(exchange, sid, false)));
            }
            return poll(exchange, session, polling);
        }
        if (HttpMethod.POST.equals(request.getMethod())) {
            return post(exchange, session, polling);
        }
        return error(exchange, EngineIoError.BAD_REQUEST);
    }

    private Mono<Void> openPolling(ServerWebExchange exchange) {
        return handshake(exchange).flatMap(handshake -> {
            PollingTransport polling = new PollingTransport();
            EngineIoSession session = this.server.open(handshake, polling);
            if (session == null) {
                return error(exchange, EngineIoError.BAD_REQUEST);
            }
            polling.bind(session);
            return poll(exchange, session, polling);
        });
    }

    private Mono<Void> poll(ServerWebExchange exchange, EngineIoSession session, PollingTransport polling) {
        return polling.poll()
                .doOnNext(payload -> {
                    if (logger.isTraceEnabled()) {
                        logger.trace("Session " + session.id() + " GET answered with " + payload.replace('\u001e', '|'));
                    }
                })
                .flatMap(payload -> write(exchange.getResponse(), TEXT_UTF8, payload))
                .onErrorResume(OverlappingRequestException.class, ex -> {
                    logger.info("Closing Engine.IO session " + session.id() + " (transport error): " + ex.getMessage());
                    session.close(CloseReason.TRANSPORT_ERROR);
                    return error(exchange, EngineIoError.BAD_REQUEST);
                });
    }

    private Mono<Void> post(ServerWebExchange exchange, EngineIoSession session, PollingTransport polling) {
        long maxPayload = this.server.options().maxPayload();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxPayload) {
            return tooLarge(exchange, session, declared + " bytes declared");
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(maxPayload, Integer.MAX_VALUE))
                .map(EngineIoWebHandler::decodeUtf8)
                .defaultIfEmpty("")
                .flatMap(body -> {
                    if (logger.isTraceEnabled()) {
                        logger.trace("Session " + session.id() + " POST " + body.replace('\u001e', '|'));
                    }
                    List<EngineIoPacket> packets = EngineIoPayloadCodec.decode(body);
                    polling.receive(packets);
                    return write(exchange.getResponse(), MediaType.TEXT_HTML, "ok");
                })
                .onErrorResume(DataBufferLimitException.class, ex -> tooLarge(exchange, session, ex.getMessage()))
                .onErrorResume(EngineIoProtocolException.class, ex -> {
                    session.protocolError(ex.getMessage());
                    return error(exchange, EngineIoError.BAD_REQUEST);
                })
                .onErrorResume(OverlappingRequestException.class, ex -> {
                    logger.info("Closing Engine.IO session " + session.id() + " (transport error): " + ex.getMessage());
                    session.close(CloseReason.TRANSPORT_ERROR);
                    return error(exchange, EngineIoError.BAD_REQUEST);
                });
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, EngineIoSession session, String detail) {
        logger.info("Closing Engine.IO session " + session.id() + " (payload too large): " + detail
                + ", limit " + this.server.options().maxPayload() + " bytes");
        session.close(CloseReason.PAYLOAD_TOO_LARGE);
        return error(exchange, EngineIoError.PAYLOAD_TOO_LARGE);
    }

    private Mono<Void> webSocket(ServerWebExchange exchange, String sid) {
        String refusal = this.upgrade.refusal(exchange);
        if (refusal != null) {
            logger.debug("WebSocket request refused: " + refusal);
            return error(exchange, EngineIoError.BAD_REQUEST);
        }
        if (sid == null) {
            return handshake(exchange).flatMap(handshake -> this.upgrade.upgrade(exchange, transport -> {
                EngineIoSession session = this.server.open(handshake, transport);
                return (session != null) ? transport.run(session) : transport.reject();
            }));
        }
        EngineIoSession session = this.server.session(sid);
        if (session == null) {
            return error(exchange, EngineIoError.UNKNOWN_SID);
        }
        if (!this.server.options().upgradesToWebSocket()
                || !EngineIoOptions.POLLING.equals(session.transportName())) {
            return error(exchange, EngineIoError.BAD_REQUEST);
        }
        // Announced before the handshake's answer: the client may poll, or open another WebSocket, as soon as it has
        // that answer.
        EngineIoSession.UpgradeClaim claim = session.upgradeArriving(this.upgrade.eventLoop(exchange));
        if (claim == null) {
            return error(exchange, EngineIoError.BAD_REQUEST);
        }
        return this.upgrade.upgrade(exchange,
                transport -> session.startUpgrade(transport) ? transport.run(session) : transport.reject())
                .doFinally(signal -> session.upgradeConnectionEnded(claim));
    }

    private Mono<EngineIoHandshake> handshake(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        // The request's own read-only headers, held for the session's life: a copy would cost each connection ~1 KiB.
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(principal -> new EngineIoHandshake(request.getURI(), request.getHeaders(),
                        request.getRemoteAddress(),
                        principal.map(Principal.class::cast).orElse(null), request.getSslInfo() != null,
                        Instant.now()));
    }

    /**
     * Completes once the upgrade's connection serves as the session's probe and its event loop has read what the
     * client had sent on it: the loop may take a few rounds to answer the handshake and attach the probe, and reads
     * what was sent on the connection in the round after the one that attached it.
     */
    private static Mono<Void> afterUpgradeReads(EngineIoSession session, ScheduledExecutorService reader,
            int roundsLeft) {
        return afterNextReads(reader).then(Mono.defer(() -> (roundsLeft > 1 && session.upgradeConnectionPending())
                ? afterUpgradeReads(session, reader, roundsLeft - 1) : afterNextReads(reader)));
    }

    /**
     * Completes on that event loop after its next round of reads, so that it has taken in what was in its sockets'
     * receive buffers now. A task scheduled with a delay runs in a later round than the one that takes it in, after a
     * poll for I/O; a task merely executed may run before the loop's next read.
     */
    private static Mono<Void> afterNextReads(ScheduledExecutorService eventLoop) {
        return Mono.create(sink -> {
            try {
                eventLoop.schedule(() -> sink.success(), 1, TimeUnit.MILLISECONDS);
            }
            catch (RejectedExecutionException ex) {
                // The loop is shutting down, with the connection it read: nothing is left to wait for.
                sink.success();
            }
        });
    }

    private static String decodeUtf8(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException ex) {
            throw new EngineIoProtocolException("request body is not valid UTF-8", ex);
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Mono<Void> error(ServerWebExchange exchange, EngineIoError error) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(error.status());
        return write(response, MediaType.APPLICATION_JSON, error.json());
    }

    private static Mono<Void> write(ServerHttpResponse response, MediaType type, String body) {
        response.getHeaders().setContentType(type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
