package io.fluxsocketio.interop;

import io.fluxsocketio.testing.Polling;
import io.fluxsocketio.testing.RawWebSocketClient;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Same-origin requests and requests without an {@code Origin} (non-browser clients) are served; other origins only
 * when listed, on polling and on the WebSocket handshake alike, so a cross-site page cannot ride on a user's cookies.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.cors.allowed-origins=https://*.allowed.example",
                "socketio.cors.allow-credentials=true" })
class OriginCheckTests {

    private static final String HANDSHAKE = "?EIO=4&transport=polling";

    @LocalServerPort
    int port;

    @Test
    void requestsWithoutAnOriginAreServed() {
        assertThat(new Polling(this.port).get(HANDSHAKE, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void sameOriginRequestsAreServedWithoutBeingListed() {
        HttpResponse<String> response = new Polling(this.port).get(HANDSHAKE,
                Map.of("Origin", "http://127.0.0.1:" + this.port));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void listedOriginsGetCorsHeadersWithCredentials() {
        HttpResponse<String> response = new Polling(this.port).get(HANDSHAKE,
                Map.of("Origin", "https://app.allowed.example"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.allowed.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void preflightOfAListedOriginIsAnswered() {
        HttpResponse<String> response = new Polling(this.port).options(HANDSHAKE, Map.of(
                "Origin", "https://app.allowed.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
    }

    @Test
    void otherOriginsAreRefusedOnPollingAndPreflight() {
        Polling polling = new Polling(this.port);

        HttpResponse<String> get = polling.get(HANDSHAKE, Map.of("Origin", "https://evil.example"));
        HttpResponse<String> preflight = polling.options(HANDSHAKE, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"));

        assertThat(get.statusCode()).isEqualTo(403);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(403);
    }

    @Test
    void webSocketHandshakeFromAnotherOriginIsRefused() {
        assertThatException().isThrownBy(() -> RawWebSocketClient.open(this.port, "",
                Map.of("Origin", "https://evil.example"), true));
    }

    @Test
    void webSocketHandshakeFromAListedOriginIsAccepted() {
        RawWebSocketClient client = RawWebSocketClient.open(this.port, "",
                Map.of("Origin", "https://app.allowed.example"), true);

        client.expectText("0{");
        client.abort();
    }
}
