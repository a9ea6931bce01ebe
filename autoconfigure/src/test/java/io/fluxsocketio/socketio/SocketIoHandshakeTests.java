package io.fluxsocketio.socketio;

import io.fluxsocketio.engineio.EngineIoHandshake;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SocketIoHandshakeTests {

    private final Instant issued = Instant.parse("2026-12-02T14:00:00Z");

    private final EngineIoHandshake request = new EngineIoHandshake(
            URI.create("https://example.org/socket.io/?EIO=4&transport=polling&token=q-secret"), new HttpHeaders(),
            new InetSocketAddress("127.0.0.2", 50000), null, true, this.issued);

    private final SocketIoHandshake handshake = new SocketIoHandshake(this.request,
            JsonMapper.builder().build().createObjectNode().put("token", "auth-secret"));

    @Test
    void readsTheRequestThatOpenedTheConnection() {
        assertThat(this.handshake.query().getFirst("token")).isEqualTo("q-secret");
        assertThat(this.handshake.url().getPath()).isEqualTo("/socket.io/");
        assertThat(this.handshake.address()).isEqualTo("127.0.0.2");
        assertThat(this.handshake.time()).isEqualTo(this.issued);
        assertThat(this.handshake.secure()).isTrue();
        assertThat(this.handshake.auth().get("token").stringValue()).isEqualTo("auth-secret");
    }

    @Test
    void anUnknownPeerHasNoAddress() {
        EngineIoHandshake unknown = new EngineIoHandshake(URI.create("/socket.io/"), new HttpHeaders(), null, null,
                false, this.issued);

        assertThat(new SocketIoHandshake(unknown, null).address()).isNull();
    }

    @Test
    void withoutAnAuthPayloadAuthIsAnEmptyObject() {
        assertThat(new SocketIoHandshake(this.request, null).auth().isObject()).isTrue();
        assertThat(new SocketIoHandshake(this.request, null).auth().isEmpty()).isTrue();
    }

    @Test
    void itsTextLeavesOutTheCredentials() {
        assertThat(this.handshake.toString()).contains("/socket.io/").doesNotContain("secret");
    }
}
