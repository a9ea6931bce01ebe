package io.fluxsocketio.interop;

import io.fluxsocketio.interop.InteropApplication.DisconnectRecorder;
import io.fluxsocketio.socketio.SocketIoServer;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the tests against a running {@link InteropApplication} share: its port, its server, and a leak check. */
abstract class LiveServerTests {

    @LocalServerPort
    protected int port;

    @Autowired
    protected SocketIoServer server;

    @Autowired
    protected DisconnectRecorder recorder;

    protected String baseUrl() {
        return "http://127.0.0.1:" + this.port;
    }

    /** Waits until the server holds no session, socket or room: every client left has been cleaned up. */
    protected void assertNothingLeft(Duration within) {
        assertOnlyLeft(0, within);
    }

    /**
     * Checks that no connection's end was reported twice: Reactor logs a second error signal at ERROR level
     * ("Operator called default onErrorDropped"), which for a client that merely went away is a false alarm.
     */
    protected static void assertNoErrorDropped(CapturedOutput output) {
        assertThat(output.getOut()).as("the server's log").doesNotContain("onErrorDropped");
    }

    /**
     * Waits until the server holds only the given number of clients connected to {@code /}: that many sessions,
     * sockets and rooms (each socket's own), as when every other client has been cleaned up.
     */
    protected void assertOnlyLeft(int clients, Duration within) {
        await().atMost(within).untilAsserted(() -> {
            assertThat(this.server.engine().sessionCount()).as("open sessions").isEqualTo(clients);
            assertThat(this.server.mainNamespace().sockets()).as("sockets in /").hasSize(clients);
            assertThat(this.server.mainNamespace().adapter().rooms()).as("rooms in /").hasSize(clients);
        });
    }
}
