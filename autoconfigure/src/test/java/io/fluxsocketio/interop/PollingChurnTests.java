package io.fluxsocketio.interop;

import io.fluxsocketio.testing.JavaSocketIoClients;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static io.fluxsocketio.testing.JavaSocketIoClients.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Long-polling clients come and go one after another on the same pooled HTTP connections, as a page that reloads
 * does. Each request then often arrives just as the previous response on its connection ends, the race in which
 * Reactor Netty 1.3.7 stopped reading a keep-alive connection (reactor-netty#4361): there, a few hundred rounds
 * stall one client until its ping timeout.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.ping-interval=500ms", "socketio.ping-timeout=5s" })
class PollingChurnTests extends LiveServerTests {

    private static final int ROUNDS = 500;

    @Test
    void pollingClientsConnectAskAndLeaveOneAfterAnother() throws Exception {
        try (JavaSocketIoClients clients = new JavaSocketIoClients()) {
            for (int round = 0; round < ROUNDS; round++) {
                try {
                    Socket socket = clients.connect(URI.create(baseUrl() + "/"), new String[] { Polling.NAME },
                            Map.of());
                    assertThat(call(socket, "echo", round)).containsExactly(round);
                    socket.close();
                }
                catch (Exception ex) {
                    fail("round " + round + " of " + ROUNDS + " stalled", ex);
                }
            }
        }
        assertNothingLeft(Duration.ofSeconds(JavaSocketIoClients.TIMEOUT_SECONDS));
    }
}
