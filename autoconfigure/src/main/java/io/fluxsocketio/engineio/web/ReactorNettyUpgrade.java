package io.fluxsocketio.engineio.web;

import io.fluxsocketio.engineio.transport.WebSocketTransport;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Upgrades an exchange to a WebSocket on Reactor Netty itself, below WebFlux's WebSocket session: frames reach the
 * transport as Netty frames, with no message objects and no stream of messages in between.
 */
final class ReactorNettyUpgrade {

    private static final String UPGRADE = "upgrade";

    private final WebsocketServerSpec spec;

    private final int maxFramePayload;

    ReactorNettyUpgrade(long maxPayload) {
        this.maxFramePayload = (int) Math.min(maxPayload, Integer.MAX_VALUE);
        this.spec = WebsocketServerSpec.builder().maxFramePayloadLength(this.maxFramePayload).build();
    }

    /** Why the request cannot be upgraded, or {@code null} when it can. */
    String refusal(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return "a WebSocket handshake must be a GET";
        }
        if (!"websocket".equalsIgnoreCase(headers.getUpgrade())) {
            return "no 'Upgrade: websocket' header";
        }
        if (!mentionsUpgrade(headers.get(HttpHeaders.CONNECTION))) {
            return "no 'Connection: Upgrade' header";
        }
        if (!StringUtils.hasText(headers.getFirst("Sec-WebSocket-Key"))) {
            return "no 'Sec-WebSocket-Key' header";
        }
        if (nativeResponse(exchange.getResponse()) == null) {
            return "WebSocket needs Reactor Netty as the server";
        }
        return null;
    }

    /** Whether a Connection header names Upgrade, read in place: Spring's list of its tokens is garbage per handshake. */
    private static boolean mentionsUpgrade(List<String> connectionHeaders) {
        if (connectionHeaders != null) {
            for (String value : connectionHeaders) {
                for (int i = 0; i + UPGRADE.length() <= value.length(); i++) {
                    if (value.regionMatches(true, i, UPGRADE, 0, UPGRADE.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Answers the handshake and runs the handler on the connection; call only when {@link #refusal} is null.
     * @return completes when the connection has closed
     */
    Mono<Void> upgrade(ServerWebExchange exchange, Function<WebSocketTransport, Mono<Void>> handler) {
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse nativeResponse = nativeResponse(response);
        // Committing the WebFlux response first applies the headers its filters set (CORS, for one) to the 101.
        return response.setComplete().then(Mono.defer(() -> nativeResponse.sendWebsocket(
                (in, out) -> handler.apply(new WebSocketTransport(in, out, this.maxFramePayload)), this.spec)));
    }

    /** The event loop that reads the exchange's connection, and will read it as a WebSocket once upgraded. */
    ScheduledExecutorService eventLoop(ServerWebExchange exchange) {
        return ((Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest())).channel().eventLoop();
    }

    private static HttpServerResponse nativeResponse(ServerHttpResponse response) {
        try {
            return (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse nativeResponse)
                    ? nativeResponse : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
